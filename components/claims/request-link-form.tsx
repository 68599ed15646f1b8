"use client";

import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";

type Labels = { email: string; send: string; sending: string };
const ENGLISH: Labels = { email: "Email", send: "Email me a sign-in link", sending: "Sending…" };

export function RequestLinkForm({ action, labels = ENGLISH }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; labels?: Labels }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form key={state.status === "error" ? state.attempt : "initial"} action={formAction} className="grid gap-4" noValidate>
      <FormErrorSummary errors={errors} labels={{ email: labels.email }} />
      {state.status === "error" && Object.keys(errors).length === 0 && (
        <Alert variant="destructive">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      {state.status === "success" && (
        <Alert variant="success">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      <Field label={labels.email} htmlFor="email" error={errors.email} required>
        <Input id="email" name="email" type="email" autoComplete="email" defaultValue={state.status === "error" ? state.values.email : undefined} />
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? labels.sending : labels.send}
        </Button>
      </div>
    </form>
  );
}
