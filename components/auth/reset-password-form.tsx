"use client";

import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function ResetPasswordForm({ action, token }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; token: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  // A refusal not about the two password fields (a used-up or broken link) shows above the form.
  const linkProblem = state.status === "error" && (Object.keys(errors).length === 0 || errors.token) ? (errors.token?.[0] ?? state.message) : null;
  return (
    <form key={state.status === "error" ? state.attempt : "initial"} action={formAction} className="flex flex-col gap-4" noValidate>
      {linkProblem && (
        <Alert variant="destructive">
          <AlertDescription>{linkProblem}</AlertDescription>
        </Alert>
      )}
      <input type="hidden" name="token" value={token} />
      <Field label="New password" htmlFor="new-password" error={errors.newPassword} required description="At least 12 characters.">
        <Input id="new-password" name="newPassword" type="password" autoComplete="new-password" autoFocus />
      </Field>
      <Field label="New password again" htmlFor="confirm-password" error={errors.confirmPassword} required>
        <Input id="confirm-password" name="confirmPassword" type="password" autoComplete="new-password" />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
