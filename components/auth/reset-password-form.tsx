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
  const other = state.status === "error" ? [state.message, ...(errors.token ?? [])].filter((m) => Object.keys(errors).length === 0 || errors.token) : [];
  return (
    <form key={state.status === "error" ? state.attempt : "initial"} action={formAction} className="flex flex-col gap-4" noValidate>
      {other.length > 0 && (
        <Alert variant="destructive">
          <AlertDescription>{other.join(" ")}</AlertDescription>
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
