"use client";

import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function TwoFactorForm({ action, callbackUrl }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; callbackUrl?: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form key={state.status === "error" ? state.attempt : "initial"} action={formAction} className="flex flex-col gap-4" noValidate>
      {state.status === "error" && Object.keys(errors).length === 0 && (
        <Alert variant="destructive">
          <AlertTitle>Could not sign in</AlertTitle>
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field label="Code" htmlFor="code" error={errors.code} required description="6 digits from the app, or a recovery code (xxxxx-xxxxx).">
        <Input id="code" name="code" autoComplete="one-time-code" inputMode="text" autoCapitalize="none" spellCheck={false} maxLength={64} autoFocus className="font-mono tracking-widest" />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Sign in"}
      </Button>
    </form>
  );
}
