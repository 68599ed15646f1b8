"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { MATTER_DETAIL_LABELS } from "@/lib/schemas/matter";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";

export type MatterDetailsValues = Partial<Record<keyof typeof MATTER_DETAIL_LABELS, string>>;

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  initial: MatterDetailsValues;
  timeZone: string;
  expectedUpdatedAt: string;
};

const HINTS: Partial<Record<keyof typeof MATTER_DETAIL_LABELS, string>> = {
  plaintiffsCounsel: "As the AO 187 header names them, e.g. “Jane Roe, Roe & Poe LLP”.",
  trialDate: "Left empty, the exhibit list prints a blank to fill in.",
  fre502dOrder: "Cited on productions, e.g. “Stipulated FRE 502(d) Order, ECF No. 45 (Jan. 10, 2020)”.",
  protectiveOrder: "Cited on productions, e.g. “Stipulated Protective Order, ECF No. 44”.",
  optOutDeadline: "Closes at the end of this day in the matter's time zone.",
  objectionDeadline: "Closes at the end of this day in the matter's time zone.",
};

export function MatterDetailsForm({ action, initial, timeZone, expectedUpdatedAt }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v: MatterDetailsValues = state.status === "error" ? state.values : initial;
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "_form"));
  const input = (name: keyof typeof MATTER_DETAIL_LABELS, opts: { type?: string; required?: boolean } = {}) => (
    <Field label={MATTER_DETAIL_LABELS[name]} htmlFor={name} error={errors[name]} description={HINTS[name]} required={opts.required}>
      <Input id={name} name={name} type={opts.type ?? "text"} defaultValue={v[name]} />
    </Field>
  );
  const area = (name: keyof typeof MATTER_DETAIL_LABELS) => (
    <Field label={MATTER_DETAIL_LABELS[name]} htmlFor={name} error={errors[name]} description={HINTS[name]}>
      <Textarea id={name} name={name} rows={2} defaultValue={v[name]} />
    </Field>
  );

  return (
    <form key={state.status === "error" ? state.attempt : expectedUpdatedAt} action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="expectedUpdatedAt" value={expectedUpdatedAt} />
      <FormErrorSummary errors={fieldErrors} labels={MATTER_DETAIL_LABELS} formErrors={errors._form} />
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
      <fieldset className="grid gap-4">
        <legend className="mb-2 text-lg font-semibold">Court and case</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <div className="sm:col-span-2">{input("court", { required: true })}</div>
          {input("docketNumber", { required: true })}
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          {input("judge")}
          {input("trialDate", { type: "date" })}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {area("plaintiffsCounsel")}
          {area("defendantsCounsel")}
        </div>
      </fieldset>
      <fieldset className="grid gap-4">
        <legend className="mb-2 text-lg font-semibold">Orders cited on productions</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {area("fre502dOrder")}
          {area("protectiveOrder")}
        </div>
      </fieldset>
      <fieldset className="grid gap-4">
        <legend className="mb-2 text-lg font-semibold">Settlement dates</legend>
        <p className="text-sm text-muted-foreground">Shown on the public settlement website. The claim deadline is part of the claim form.</p>
        <div className="grid gap-4 sm:grid-cols-3">
          {input("optOutDeadline", { type: "date" })}
          {input("objectionDeadline", { type: "date" })}
          <Field label={MATTER_DETAIL_LABELS.finalApprovalHearingAt} htmlFor="finalApprovalHearingAt" error={errors.finalApprovalHearingAt} description={`Date and time in ${timeZone}.`}>
            <Input id="finalApprovalHearingAt" name="finalApprovalHearingAt" type="datetime-local" defaultValue={v.finalApprovalHearingAt} />
          </Field>
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save matter details"}
        </Button>
      </div>
    </form>
  );
}
