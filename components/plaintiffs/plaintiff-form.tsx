"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { ACCOUNT_STATUS_LABELS, ACCOUNT_STATUSES } from "@/lib/schemas/plaintiff";
import { US_STATES } from "@/lib/us-states";
import { Field } from "@/components/ui/field";
import { FormProblems, HiddenFields } from "@/components/forms/form-problems";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { FormActions } from "@/components/forms/form-actions";

export type PlaintiffFormValues = {
  name?: string;
  kind?: string;
  residenceCity?: string;
  residenceState?: string;
  appUsage?: string;
  firstUseFrom?: string;
  firstUseTo?: string;
  accountStatus?: string;
  notes?: string;
};

const LABELS: Record<string, string> = {
  name: "Name",
  kind: "Kind",
  residenceCity: "City",
  residenceState: "State",
  appUsage: "How they used the app",
  firstUseFrom: "First use, earliest",
  firstUseTo: "First use, latest",
  accountStatus: "Account status",
  notes: "Notes",
};

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  initial: PlaintiffFormValues;
  // Create forms carry a submission key; edit forms the version they loaded.
  hidden: Record<string, string>;
  submitLabel: string;
  cancelHref: string;
};

export function PlaintiffForm({ action, initial, hidden, submitLabel, cancelHref }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  // After a refused submit, show what the user typed, not what was loaded.
  const v: PlaintiffFormValues = state.status === "error" ? state.values : initial;

  return (
    <form key={state.status === "error" ? state.attempt : "initial"} action={formAction} className="flex max-w-3xl flex-col gap-5" noValidate>
      <HiddenFields values={hidden} />
      <FormProblems state={state} labels={LABELS} />

      <div className="grid gap-5 sm:grid-cols-3">
        <Field className="sm:col-span-2" label={LABELS.name} htmlFor="name" error={errors.name} required>
          <Input id="name" name="name" defaultValue={v.name} autoComplete="off" />
        </Field>
        <Field label={LABELS.kind} htmlFor="kind" error={errors.kind} required>
          <Select id="kind" name="kind" defaultValue={v.kind ?? "NAMED"}>
            <option value="NAMED">Named plaintiff</option>
            <option value="PUTATIVE">Putative class member</option>
          </Select>
        </Field>
      </div>

      <div className="grid gap-5 sm:grid-cols-3">
        <Field className="sm:col-span-2" label={LABELS.residenceCity} htmlFor="residenceCity" error={errors.residenceCity}>
          <Input id="residenceCity" name="residenceCity" defaultValue={v.residenceCity} />
        </Field>
        <Field label={LABELS.residenceState} htmlFor="residenceState" error={errors.residenceState} required>
          <Select id="residenceState" name="residenceState" defaultValue={v.residenceState ?? ""}>
            <option value="">Choose…</option>
            {Object.entries(US_STATES).map(([code, name]) => (
              <option key={code} value={code}>
                {name} ({code})
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <Field
        label={LABELS.appUsage}
        htmlFor="appUsage"
        error={errors.appUsage}
        required
        description="In the complaint's words where possible: device, how often, what they did and did not do."
      >
        <Textarea id="appUsage" name="appUsage" rows={4} defaultValue={v.appUsage} />
      </Field>

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium">
          When they first used the app{" "}
          <span className="font-normal text-muted-foreground">(a range when only roughly known, e.g. March – April 2019)</span>
        </legend>
        <Field label={LABELS.firstUseFrom} htmlFor="firstUseFrom" error={errors.firstUseFrom}>
          <Input id="firstUseFrom" name="firstUseFrom" type="date" defaultValue={v.firstUseFrom} />
        </Field>
        <Field label={LABELS.firstUseTo} htmlFor="firstUseTo" error={errors.firstUseTo}>
          <Input id="firstUseTo" name="firstUseTo" type="date" defaultValue={v.firstUseTo} />
        </Field>
      </fieldset>

      <Field label={LABELS.accountStatus} htmlFor="accountStatus" error={errors.accountStatus} required>
        <Select id="accountStatus" name="accountStatus" defaultValue={v.accountStatus ?? ""}>
          <option value="">Choose…</option>
          {ACCOUNT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACCOUNT_STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>

      <Field label={LABELS.notes} htmlFor="notes" error={errors.notes}>
        <Textarea id="notes" name="notes" rows={3} defaultValue={v.notes} />
      </Field>

      <FormActions pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
