"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import type { TClaimFormDefinition } from "@/lib/schemas/claim-form";
import { CLAIMANT_FIELD_LABELS, questionField } from "@/lib/schemas/claim";
import { US_STATES } from "@/lib/us-states";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, fieldErrorId } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { ClaimDocumentsField, type FormDocument } from "@/components/claims/claim-documents-field";

type Props = {
  definition: TClaimFormDefinition;
  matterSlug: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  // "Save and finish later": the same form sent to this action instead.
  saveDraft: (prev: ActionState, form: FormData) => Promise<ActionState>;
  submissionKey: string;
  // From a mailed notice (?notice=…) or a saved form (?draft=…): pre-filled, still editable.
  prefill: Record<string, string>;
  // The saved form this page resumed: its token (sent back with either action) and documents.
  draft: { token: string; documents: { id: string; filename: string }[] } | null;
};

const section = "grid gap-5 rounded-lg border border-border bg-background p-5";
const legend = "mb-1 px-1 text-lg font-semibold";

export function PublicClaimForm({ definition, matterSlug, action, saveDraft, submissionKey, prefill, draft }: Props) {
  const [submitState, formAction, submitting] = useActionState(action, IDLE);
  const [draftState, draftAction, saving] = useActionState(saveDraft, IDLE);
  const pending = submitting || saving;
  // The refusal to show is the latest one; a refused save must not hide a submit's field errors
  // for long, nor the other way round, so each answer replaces the other's.
  const [latest, setLatest] = useState<"submit" | "draft">("submit");
  const state = latest === "draft" && draftState.status === "error" ? draftState : submitState.status === "error" ? submitState : draftState;
  const t = useTranslations("claimForm");
  const d = useTranslations("claimForm.draft");
  // Held outside the keyed <form>: a refused submit re-mounts the form, not the attached files.
  const [documents, setDocuments] = useState<FormDocument[]>(() => (draft?.documents ?? []).map((doc) => ({ key: doc.id, filename: doc.filename, draftUploadId: doc.id })));
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v: Record<string, string | undefined> = state.status === "error" ? state.values : prefill;
  const labels: Record<string, string> = {
    ...Object.fromEntries(Object.keys(CLAIMANT_FIELD_LABELS).map((k) => [k, t(`labels.${k}` as "labels.fullName")])),
    filingFor: t("labels.filingFor"),
    noticeId: t("labels.noticeId"),
    confirmationCode: t("labels.confirmationCode"),
    paymentPreference: t("labels.paymentPreference"),
    documents: t("documents.legend"),
    attestationName: t("labels.attestationName"),
    attestationAgree: t("labels.attestationAgree"),
    ...Object.fromEntries(definition.questions.map((q, i) => [questionField(q.id), t("labels.question", { n: i + 1 })])),
  };
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "_form"));
  // Only an answer that fails a criterion offers "submit anyway"; a blank answer is just an error.
  const ineligible = definition.questions.some((q) => {
    if (q.kind !== "yesno" || !q.eligibility) return false;
    const answer = v[questionField(q.id)];
    return Boolean(errors[questionField(q.id)]) && (answer === "yes" || answer === "no") && answer !== q.eligibility.requiredAnswer;
  });

  return (
    <form key={state.status === "error" ? state.attempt : "initial"} action={formAction} className="grid gap-6" noValidate>
      {/* Same key on every retry of this page: a double click or a resend files one claim. */}
      <input type="hidden" name="submissionKey" value={submissionKey} />
      {draft && <input type="hidden" name="draftToken" value={draft.token} />}
      <FormErrorSummary errors={fieldErrors} labels={labels} formErrors={errors._form} title={t("problem")} />
      {state.status === "error" && Object.keys(errors).length === 0 && (
        <Alert variant="destructive">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}

      <fieldset className={section}>
        <legend className={legend}>{t("aboutYou")}</legend>
        <fieldset className="grid gap-2">
          <legend className="text-sm font-medium">{t("whoFor")}</legend>
          {[
            ["SELF", t("myself")],
            ["MINOR", t("minor")],
          ].map(([value, label]) => (
            <div key={value} className="flex items-center gap-2">
              <input type="radio" id={value === "SELF" ? "filingFor" : `filingFor-${value}`} name="filingFor" value={value} defaultChecked={(v.filingFor ?? "SELF") === value} className="size-4 accent-primary" />
              <Label htmlFor={value === "SELF" ? "filingFor" : `filingFor-${value}`} className="font-normal">
                {label}
              </Label>
            </div>
          ))}
        </fieldset>
        <Field label={t("fullName")} htmlFor="fullName" error={errors.fullName} required>
          <Input id="fullName" name="fullName" autoComplete="name" defaultValue={v.fullName} />
        </Field>
        <Field label={t("labels.dateOfBirth")} htmlFor="dateOfBirth" error={errors.dateOfBirth} required>
          <Input id="dateOfBirth" name="dateOfBirth" type="date" autoComplete="bday" defaultValue={v.dateOfBirth} className="max-w-48" />
        </Field>
        <Field label={t("labels.guardianName")} htmlFor="guardianName" error={errors.guardianName} description={t("guardianHelp")}>
          <Input id="guardianName" name="guardianName" defaultValue={v.guardianName} />
        </Field>
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>{t("reach")}</legend>
        <Field label={t("labels.email")} htmlFor="email" error={errors.email} required description={t("emailHelp")}>
          <Input id="email" name="email" type="email" autoComplete="email" defaultValue={v.email} />
        </Field>
        <Field label={t("labels.phone")} htmlFor="phone" error={errors.phone} description={t("optional")}>
          <Input id="phone" name="phone" type="tel" autoComplete="tel" defaultValue={v.phone} className="max-w-64" />
        </Field>
        <Field label={t("labels.addressLine1")} htmlFor="addressLine1" error={errors.addressLine1} required>
          <Input id="addressLine1" name="addressLine1" autoComplete="address-line1" defaultValue={v.addressLine1} />
        </Field>
        <Field label={t("labels.addressLine2")} htmlFor="addressLine2" error={errors.addressLine2}>
          <Input id="addressLine2" name="addressLine2" autoComplete="address-line2" defaultValue={v.addressLine2} />
        </Field>
        <Field label={t("labels.city")} htmlFor="city" error={errors.city} required>
          <Input id="city" name="city" autoComplete="address-level2" defaultValue={v.city} />
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label={t("labels.state")} htmlFor="state" error={errors.state} required>
            <Select id="state" name="state" autoComplete="address-level1" defaultValue={v.state ?? ""}>
              <option value="">{t("choose")}</option>
              {Object.entries(US_STATES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("labels.zip")} htmlFor="zip" error={errors.zip} required>
            <Input id="zip" name="zip" inputMode="numeric" autoComplete="postal-code" defaultValue={v.zip} />
          </Field>
        </div>
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>{t("eligibility")}</legend>
        {definition.questions.map((q, i) => {
          const name = questionField(q.id);
          const err = errors[name];
          if (q.kind === "text") {
            return (
              <Field key={q.id} label={`${i + 1}. ${q.label}`} htmlFor={name} error={err} description={q.help} required={q.required}>
                <Input id={name} name={name} defaultValue={v[name]} maxLength={q.maxLength} />
              </Field>
            );
          }
          return (
            <fieldset key={q.id} className="grid gap-2" aria-describedby={err ? fieldErrorId(name) : undefined}>
              <legend className="text-sm font-medium">
                {i + 1}. {q.label}
                {(q.required || q.eligibility) && <span aria-hidden className="ml-0.5 text-destructive">*</span>}
              </legend>
              {q.help && <p className="text-sm text-muted-foreground">{q.help}</p>}
              <div className="flex gap-6">
                {(["yes", "no"] as const).map((answer) => {
                  const id = answer === "yes" ? name : `${name}-no`;
                  return (
                    <div key={answer} className="flex items-center gap-2">
                      <input type="radio" id={id} name={name} value={answer} defaultChecked={v[name] === answer} className="size-4 accent-primary" />
                      <Label htmlFor={id} className="font-normal">
                        {answer === "yes" ? t("yes") : t("no")}
                      </Label>
                    </div>
                  );
                })}
              </div>
              {err && (
                <p id={fieldErrorId(name)} className="text-sm font-medium text-destructive">
                  <span className="sr-only">{t("error")} </span>
                  {err.join(" ")}
                </p>
              )}
            </fieldset>
          );
        })}
        {ineligible && (
          <div className="flex items-start gap-2 rounded-md border border-warning-border bg-warning-bg p-3">
            <Checkbox id="submitAnyway" name="submitAnyway" className="mt-1" />
            <Label htmlFor="submitAnyway" className="font-normal">
              {t("submitAnyway")}
            </Label>
          </div>
        )}
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label={t("labels.noticeId")} htmlFor="noticeId" error={errors.noticeId} description={t("noticeHelp")}>
            <Input id="noticeId" name="noticeId" defaultValue={v.noticeId} autoComplete="off" />
          </Field>
          <Field label={t("labels.confirmationCode")} htmlFor="confirmationCode" error={errors.confirmationCode}>
            <Input id="confirmationCode" name="confirmationCode" defaultValue={v.confirmationCode} autoComplete="off" />
          </Field>
        </div>
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>{t("documents.legend")}</legend>
        <ClaimDocumentsField matterSlug={matterSlug} documents={documents} onChange={setDocuments} error={errors.documents} />
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>{t("payment")}</legend>
        <Field label={t("howPaid")} htmlFor="paymentPreference" error={errors.paymentPreference} required>
          <Select id="paymentPreference" name="paymentPreference" defaultValue={v.paymentPreference ?? ""}>
            <option value="">{t("choose")}</option>
            {definition.paymentOptions.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>{t("sworn")}</legend>
        <blockquote className="border-l-4 border-border-strong pl-4 text-base" id="attestation-text">
          {definition.attestation}
        </blockquote>
        <div className="flex items-start gap-2">
          <Checkbox id="attestationAgree" name="attestationAgree" className="mt-1" aria-invalid={errors.attestationAgree ? true : undefined} aria-describedby={errors.attestationAgree ? fieldErrorId("attestationAgree") : "attestation-text"} />
          <Label htmlFor="attestationAgree" className="font-normal">
            {t("swear")}
          </Label>
        </div>
        {errors.attestationAgree && (
          <p id={fieldErrorId("attestationAgree")} className="text-sm font-medium text-destructive">
            <span className="sr-only">{t("error")} </span>
            {errors.attestationAgree.join(" ")}
          </p>
        )}
        <Field
          label={t("signature")}
          htmlFor="attestationName"
          error={errors.attestationName}
          required
          description={t("signatureHelp")}
        >
          <Input id="attestationName" name="attestationName" autoComplete="name" defaultValue={v.attestationName} />
        </Field>
      </fieldset>

      <div className="flex flex-wrap items-start gap-4">
        <Button type="submit" size="lg" disabled={pending} onClick={() => setLatest("submit")}>
          {submitting ? t("submitting") : t("submit")}
        </Button>
        <div className="grid max-w-sm gap-1">
          <Button type="submit" size="lg" variant="outline" formAction={draftAction} disabled={pending} onClick={() => setLatest("draft")} aria-describedby="save-draft-help">
            {saving ? d("saving") : d("save")}
          </Button>
          <p id="save-draft-help" className="text-sm text-muted-foreground">
            {d("saveHelp")}
          </p>
        </div>
      </div>
    </form>
  );
}
