"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { MAX_GROUNDS_CHARS, MAX_OBJECTION_DOCUMENT_BYTES } from "@/lib/settlement/responses";
import { AddressFields, legend, section, SignatureAndSubmit, YesNo, type Words } from "@/components/settlement/response-form-parts";

type Props = { action: (prev: ActionState, form: FormData) => Promise<ActionState>; submissionKey: string; w: Words };

// The public objection form, with an optional supporting PDF (checked here for size before
// sending, and again by the server for size and type).
export function ObjectionForm({ action, submissionKey, w }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [tooLarge, setTooLarge] = useState(false);
  const errors: Record<string, string[] | undefined> = { ...(state.status === "error" ? state.fieldErrors : {}), ...(tooLarge ? { document: [w.documentSize!] } : {}) };
  const v: Record<string, string | undefined> = state.status === "error" ? state.values : {};
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "_form"));
  const labels = Object.fromEntries(["fullName", "email", "addressLine1", "addressLine2", "city", "state", "zip", "counselName", "grounds", "document", "attestationName"].map((k) => [k, w[k]!]));
  labels.represented = w.represented!;
  labels.appearAtHearing = w.appearAtHearing!;
  labels.attestationAgree = w.sectionSignature!;
  return (
    <form
      key={state.status === "error" ? state.attempt : "initial"}
      action={formAction}
      className="grid gap-6"
      noValidate
      onSubmit={(e) => {
        const input = e.currentTarget.elements.namedItem("document");
        const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
        const big = Boolean(file && file.size > MAX_OBJECTION_DOCUMENT_BYTES);
        setTooLarge(big);
        if (big) e.preventDefault();
      }}
    >
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <FormErrorSummary errors={fieldErrors} labels={labels} formErrors={state.status === "error" ? state.fieldErrors._form : undefined} title={w.errorSummary} />
      {state.status === "error" && Object.keys(state.fieldErrors).length === 0 && (
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
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>{w.sectionAddress}</legend>
        <AddressFields w={w} errors={errors} v={v} />
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>{w.sectionObjection}</legend>
        <YesNo name="represented" legendText={w.represented!} w={w} error={errors.represented} value={v.represented} />
        <Field label={w.counselName!} htmlFor="counselName" error={errors.counselName} description={w.counselNameHelp}>
          <Input id="counselName" name="counselName" defaultValue={v.counselName} />
        </Field>
        <YesNo name="appearAtHearing" legendText={w.appearAtHearing!} help={w.appearHelp} w={w} error={errors.appearAtHearing} value={v.appearAtHearing} />
        <Field label={w.grounds!} htmlFor="grounds" error={errors.grounds} required description={w.groundsHelp}>
          <Textarea id="grounds" name="grounds" rows={8} maxLength={MAX_GROUNDS_CHARS} defaultValue={v.grounds} />
        </Field>
        <Field label={w.document!} htmlFor="document" error={errors.document} description={w.documentHelp}>
          <Input id="document" name="document" type="file" accept="application/pdf" />
        </Field>
      </fieldset>

      <SignatureAndSubmit w={w} errors={errors} v={v} pending={pending} />
    </form>
  );
}
