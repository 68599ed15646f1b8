"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { AddressFields, legend, section, SignatureAndSubmit, Tick, type Words } from "@/components/settlement/response-form-parts";

type Props = { action: (prev: ActionState, form: FormData) => Promise<ActionState>; submissionKey: string; w: Words };

// The public request for exclusion. No JavaScript needed; with it, errors appear beside their
// fields and the typed values stay.
export function OptOutForm({ action, submissionKey, w }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v: Record<string, string | undefined> = state.status === "error" ? state.values : {};
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "_form"));
  const labels = Object.fromEntries(["fullName", "dateOfBirth", "email", "phone", "addressLine1", "addressLine2", "city", "state", "zip", "attestationName"].map((k) => [k, w[k]!]));
  labels.exclude = w.sectionRequest!;
  labels.attestationAgree = w.sectionSignature!;
  return (
    <form key={state.status === "error" ? state.attempt : "initial"} action={formAction} className="grid gap-6" noValidate>
      {/* Same key on every retry of this page: a double click or a resend records one request. */}
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <FormErrorSummary errors={fieldErrors} labels={labels} formErrors={errors._form} title={w.errorSummary} />
      {state.status === "error" && Object.keys(errors).length === 0 && (
        <Alert variant="destructive">
          <AlertDescription>{state.message || w.somethingWrong}</AlertDescription>
        </Alert>
      )}

      <fieldset className={section}>
        <legend className={legend}>{w.sectionPerson}</legend>
        <Field label={w.fullName!} htmlFor="fullName" error={errors.fullName} required>
          <Input id="fullName" name="fullName" autoComplete="name" defaultValue={v.fullName} />
        </Field>
        <Field label={w.email!} htmlFor="email" error={errors.email} required description={w.emailHelp}>
          <Input id="email" name="email" type="email" autoComplete="email" defaultValue={v.email} />
        </Field>
        <Field label={w.dateOfBirth!} htmlFor="dateOfBirth" error={errors.dateOfBirth} description={w.dateOfBirthHelp}>
          <Input id="dateOfBirth" name="dateOfBirth" type="date" autoComplete="bday" defaultValue={v.dateOfBirth} className="max-w-48" />
        </Field>
        <Field label={w.phone!} htmlFor="phone" error={errors.phone} description={w.optional}>
          <Input id="phone" name="phone" type="tel" autoComplete="tel" defaultValue={v.phone} className="max-w-64" />
        </Field>
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>{w.sectionAddress}</legend>
        <AddressFields w={w} errors={errors} v={v} />
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>{w.sectionRequest}</legend>
        <Tick name="exclude" label={w.exclude!} error={errors.exclude} />
      </fieldset>

      <SignatureAndSubmit w={w} errors={errors} v={v} pending={pending} />
    </form>
  );
}
