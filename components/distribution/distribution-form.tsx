"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  submissionKey: string;
  // The subclasses of the approved claims, with their counts, and the last run's figures as defaults.
  subclasses: { code: string; count: number }[];
  unclassified: number;
  defaults: Record<string, string>;
  modes: { value: string; label: string }[];
};

const LABELS: Record<string, string> = {
  grossFund: "Gross settlement fund",
  attorneysFees: "Attorneys' fees",
  costs: "Litigation costs",
  adminCosts: "Administration costs",
  minimumPayment: "Minimum payment",
  minimumMode: "Claims under the minimum",
  defaultWeight: "Weight of other claims",
};

export function DistributionForm({ action, submissionKey, subclasses, unclassified, defaults, modes }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : defaults;
  const labels = { ...LABELS, ...Object.fromEntries(subclasses.map((s) => [`weights.${s.code}`, `Weight of ${s.code}`])) };
  const money = (name: keyof typeof LABELS, description?: string) => (
    <Field label={LABELS[name]} htmlFor={name} error={errors[name]} required description={description}>
      <Input id={name} name={name} inputMode="decimal" className="max-w-56 font-mono" placeholder="0.00" defaultValue={values[name] ?? ""} />
    </Field>
  );
  return (
    <form key={state.status === "error" ? state.attempt : submissionKey} action={formAction} className="grid gap-4" noValidate aria-label="Plan of allocation">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <FormErrorSummary errors={Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "_form"))} labels={labels} formErrors={errors._form} />
      {state.status === "error" && Object.keys(errors).length === 0 && (
        <Alert variant="destructive">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {money("grossFund", "Dollars and cents, e.g. 92,000,000.00")}
        {money("attorneysFees", "As awarded by the court.")}
        {money("costs")}
        {money("adminCosts", "The administrator's fees and expenses.")}
      </div>
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Weights (a claim’s share is proportional to its weight)</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {subclasses.map((s) => (
            <Field key={s.code} label={`Weight of ${s.code}`} htmlFor={`weights.${s.code}`} error={errors[`weights.${s.code}`]} description={`${s.count.toLocaleString("en-US")} approved claims`}>
              <Input id={`weights.${s.code}`} name={`weight:${s.code}`} type="number" min={1} max={1000} className="max-w-28 font-mono" defaultValue={values[`weight:${s.code}`] ?? "1"} />
            </Field>
          ))}
          <Field label={LABELS.defaultWeight} htmlFor="defaultWeight" error={errors.defaultWeight} required description={`No subclass: ${unclassified.toLocaleString("en-US")} approved claims`}>
            <Input id="defaultWeight" name="defaultWeight" type="number" min={1} max={1000} className="max-w-28 font-mono" defaultValue={values.defaultWeight ?? "1"} />
          </Field>
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        {money("minimumPayment", "0.00 for no minimum.")}
        <Field label={LABELS.minimumMode} htmlFor="minimumMode" error={errors.minimumMode} required>
          <Select id="minimumMode" name="minimumMode" defaultValue={values.minimumMode ?? "RAISE_TO_FLOOR"}>
            {modes.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Computing…" : "Compute preview"}
        </Button>
      </div>
    </form>
  );
}
