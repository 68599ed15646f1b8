"use client";

import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/sign-in/actions";
import { IDLE } from "@/lib/action-state";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState(signInAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const email = state.status === "error" ? state.values.email : undefined;

  return (
    <form key={state.status === "error" ? state.attempt : "initial"} action={action} className="flex flex-col gap-4" noValidate>
      {state.status === "error" && (
        <Alert variant="destructive">
          <AlertTitle>Could not sign in</AlertTitle>
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field label="Email" htmlFor="email" error={errors.email} required>
        <Input id="email" name="email" type="email" autoComplete="username" defaultValue={email} autoFocus />
      </Field>
      <Field label="Password" htmlFor="password" error={errors.password} required>
        <Input id="password" name="password" type="password" autoComplete="current-password" />
      </Field>
      <Button type="submit" disabled={pending} className="mt-2">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
