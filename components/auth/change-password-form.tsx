"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/app/(workspace)/account/actions";
import { IDLE } from "@/lib/action-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form key={state.status === "error" ? state.attempt : state.status} action={action} className="flex flex-col gap-4" noValidate>
      {state.status === "error" && Object.keys(errors).length === 0 && (
        <Alert variant="destructive">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      <Field label="Current password" htmlFor="current-password" error={errors.currentPassword} required>
        <Input id="current-password" name="currentPassword" type="password" autoComplete="current-password" autoFocus />
      </Field>
      <Field label="New password" htmlFor="new-password" error={errors.newPassword} required description="At least 12 characters.">
        <Input id="new-password" name="newPassword" type="password" autoComplete="new-password" />
      </Field>
      <Field label="New password again" htmlFor="confirm-password" error={errors.confirmPassword} required>
        <Input id="confirm-password" name="confirmPassword" type="password" autoComplete="new-password" />
      </Field>
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
