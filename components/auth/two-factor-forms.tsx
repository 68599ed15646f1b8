"use client";

import Link from "next/link";
import type * as React from "react";
import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

function ErrorAlert({ state }: { state: ActionState }) {
  if (state.status !== "error" || Object.keys(state.fieldErrors).length > 0) return null;
  return (
    <Alert variant="destructive">
      <AlertDescription>{state.message}</AlertDescription>
    </Alert>
  );
}

// Shown once, right after they were made: nothing can show them again.
export function RecoveryCodes({ codes, message }: { codes: readonly string[]; message: string }) {
  return (
    <div className="flex flex-col gap-4">
      <Alert variant="success">
        <AlertTitle>{message}</AlertTitle>
        <AlertDescription>
          Save these recovery codes somewhere safe (a password manager, or printed). Each signs you in once if you lose your phone. They will not be shown again.
        </AlertDescription>
      </Alert>
      <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md border border-border bg-subtle p-4 font-mono text-base tabular-nums">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <div className="flex items-center gap-3">
        <CopyButton value={codes.join("\n")} label="Copy all recovery codes" />
        <span className="text-sm text-muted-foreground">Copy all</span>
        <Button asChild className="ml-auto">
          <Link href="/account/two-factor?enrolled=1">I have saved them</Link>
        </Button>
      </div>
    </div>
  );
}

export function StartEnrollmentForm({ action, label, variant = "default" }: { action: Action; label: string; variant?: "default" | "outline" }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <ErrorAlert state={state} />
      <Button type="submit" variant={variant} disabled={pending} className="self-start">
        {label}
      </Button>
    </form>
  );
}

// The set-up steps (QR code and key, then the confirming form, then a way to start over); once
// confirmed, only the new recovery codes remain on screen.
export function ConfirmEnrollmentForm({ action, intro, restart }: { action: Action; intro: React.ReactNode; restart: React.ReactNode }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  if (state.status === "success" && state.reveal) return <RecoveryCodes codes={state.reveal} message={state.message} />;
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <>
      {intro}
      <form key={state.status === "error" ? state.attempt : "initial"} action={formAction} className="flex flex-col gap-4" noValidate>
        <ErrorAlert state={state} />
        <Field label="Code from the app" htmlFor="enroll-code" error={errors.code} required description="The 6 digits the app shows for Proofline now.">
          <Input id="enroll-code" name="code" autoComplete="one-time-code" inputMode="numeric" maxLength={8} className="w-40 font-mono tracking-widest" />
        </Field>
        <Field label="Your password" htmlFor="enroll-password" error={errors.currentPassword} required>
          <Input id="enroll-password" name="currentPassword" type="password" autoComplete="current-password" />
        </Field>
        <Button type="submit" disabled={pending} className="self-start">
          {pending ? "Checking…" : "Turn on two-factor sign-in"}
        </Button>
      </form>
      {restart}
    </>
  );
}

export function RegenerateCodesForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  if (state.status === "success" && state.reveal) return <RecoveryCodes codes={state.reveal} message={state.message} />;
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form key={state.status === "error" ? state.attempt : "initial"} action={formAction} className="flex flex-col gap-4" noValidate>
      <ErrorAlert state={state} />
      <Field label="Your password" htmlFor="regenerate-password" error={errors.currentPassword} required>
        <Input id="regenerate-password" name="currentPassword" type="password" autoComplete="current-password" />
      </Field>
      <Button type="submit" variant="outline" disabled={pending} className="self-start">
        {pending ? "Making…" : "Make new recovery codes"}
      </Button>
    </form>
  );
}

export function DisableTwoFactorForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form key={state.status === "error" ? state.attempt : state.status} action={formAction} className="flex flex-col gap-4" noValidate>
      <ErrorAlert state={state} />
      {state.status === "success" && (
        <Alert variant="success">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      <Field label="Your password" htmlFor="disable-password" error={errors.currentPassword} required>
        <Input id="disable-password" name="currentPassword" type="password" autoComplete="current-password" />
      </Field>
      <Field label="Code from the app, or a recovery code" htmlFor="disable-code" error={errors.code} required>
        <Input id="disable-code" name="code" autoComplete="one-time-code" maxLength={64} className="w-48 font-mono tracking-widest" />
      </Field>
      <Button type="submit" variant="destructive" disabled={pending} className="self-start">
        {pending ? "Turning off…" : "Turn off two-factor sign-in"}
      </Button>
    </form>
  );
}
