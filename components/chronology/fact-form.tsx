"use client";

import { useActionState, useState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { DATE_PRECISION_LABELS, DATE_PRECISIONS } from "@/lib/chronology/dates";
import { FormProblems, HiddenFields } from "@/components/forms/form-problems";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

export type FactFormValues = {
  precision?: string;
  start?: string;
  end?: string;
  description?: string;
  tags?: string;
  elementIds?: string[];
  disputed?: boolean;
  disputedBy?: string;
  disputeReason?: string;
  sourceExhibitId?: string;
  sourcePage?: string;
  sourceAllegationId?: string;
};

export type ElementChoice = { countLabel: string; elements: { id: string; label: string; text: string }[] };
export type Choice = { id: string; label: string };

const LABELS: Record<string, string> = {
  precision: "Known to the",
  start: "Date (or start)",
  end: "End (for a period)",
  description: "Fact",
  tags: "Tags",
  elementIds: "Elements it bears on",
  disputed: "Disputed",
  disputedBy: "Disputed by",
  disputeReason: "Why it is disputed",
  sourceExhibitId: "Source exhibit",
  sourcePage: "Page (pin cite)",
  sourceAllegationId: "Source allegation",
};

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  initial: FactFormValues;
  hidden: Record<string, string>;
  counts: ElementChoice[];
  exhibits: Choice[];
  allegations: Choice[];
  submitLabel: string;
  // An edit page leaves on success (the action redirects); the page's add form stays and clears.
  cancelHref?: string;
};

export function FactForm({ action, initial, hidden, counts, exhibits, allegations, submitLabel, cancelHref }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [elementIds, setElementIds] = useState(new Set(initial.elementIds ?? []));
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state.status === "success") setElementIds(new Set(initial.elementIds ?? []));
  }
  const errors = state.status === "error" ? state.fieldErrors : {};
  const echoed = state.status === "error" ? state.values : null;
  const v: Omit<FactFormValues, "disputed"> & { disputed?: boolean | string } = echoed ?? initial;
  const key = state.status === "error" ? state.attempt : state.status === "success" ? `ok-${hidden.submissionKey ?? ""}` : "initial";
  const toggle = (id: string, on: boolean) => {
    const next = new Set(elementIds);
    if (on) next.add(id);
    else next.delete(id);
    setElementIds(next);
  };

  return (
    <form key={key} action={formAction} className="flex flex-col gap-4" noValidate aria-label={submitLabel}>
      <HiddenFields values={hidden} />
      <FormProblems state={state} labels={LABELS} />
      {state.status === "success" && (
        <p className="text-sm text-success" role="status">
          {state.message}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={LABELS.precision} htmlFor="precision" error={errors.precision} required>
          <Select id="precision" name="precision" defaultValue={v.precision ?? "DAY"}>
            {DATE_PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {DATE_PRECISION_LABELS[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={LABELS.start} htmlFor="start" error={errors.start} required description="YYYY-MM-DD, YYYY-MM or YYYY">
          <Input id="start" name="start" placeholder="2019-04-03" defaultValue={v.start} className="font-mono" />
        </Field>
        <Field label={LABELS.end} htmlFor="end" error={errors.end} description="Same form; blank for one date">
          <Input id="end" name="end" defaultValue={v.end} className="font-mono" />
        </Field>
      </div>
      <Field label={LABELS.description} htmlFor="description" error={errors.description} required>
        <Textarea id="description" name="description" rows={3} defaultValue={v.description} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={LABELS.sourceExhibitId} htmlFor="sourceExhibitId" error={errors.sourceExhibitId}>
          <Select id="sourceExhibitId" name="sourceExhibitId" defaultValue={v.sourceExhibitId ?? ""}>
            <option value="">None</option>
            {exhibits.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={LABELS.sourcePage} htmlFor="sourcePage" error={errors.sourcePage} description="Opens the viewer at this page">
          <Input id="sourcePage" name="sourcePage" inputMode="numeric" defaultValue={v.sourcePage} />
        </Field>
        <Field label={LABELS.sourceAllegationId} htmlFor="sourceAllegationId" error={errors.sourceAllegationId}>
          <Select id="sourceAllegationId" name="sourceAllegationId" defaultValue={v.sourceAllegationId ?? ""}>
            <option value="">None</option>
            {allegations.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={LABELS.tags} htmlFor="tags" error={errors.tags} description="Separated by commas">
        <Input id="tags" name="tags" defaultValue={v.tags} />
      </Field>
      {counts.length > 0 && (
        <fieldset id="elementIds" className="grid gap-2" aria-describedby={errors.elementIds ? "elementIds-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">{LABELS.elementIds}</legend>
          <div className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
            {counts.map((c) => (
              <div key={c.countLabel} className="grid gap-1">
                <p className="text-sm font-medium">{c.countLabel}</p>
                {c.elements.map((e) => (
                  <label key={e.id} className="flex items-start gap-2 text-sm">
                    <Checkbox name="elementIds" value={e.id} checked={elementIds.has(e.id)} onChange={(ev) => toggle(e.id, ev.target.checked)} className="mt-0.5" />
                    <span>
                      <span className="font-mono text-xs text-muted-foreground">{e.label}</span> {e.text}
                    </span>
                  </label>
                ))}
              </div>
            ))}
          </div>
          {errors.elementIds && (
            <p id="elementIds-error" className="text-sm font-medium text-destructive">
              {errors.elementIds.join(" ")}
            </p>
          )}
        </fieldset>
      )}
      <fieldset className="grid gap-3 rounded-lg border border-border p-3">
        <legend className="px-1 text-sm font-medium">Dispute</legend>
        <label className="flex items-center gap-2 text-sm" htmlFor="disputed">
          <Checkbox id="disputed" name="disputed" defaultChecked={v.disputed === true || v.disputed === "on"} aria-invalid={errors.disputed ? true : undefined} />
          The other side disputes this fact
        </label>
        {errors.disputed && <p className="text-sm font-medium text-destructive">{errors.disputed.join(" ")}</p>}
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={LABELS.disputedBy} htmlFor="disputedBy" error={errors.disputedBy}>
            <Input id="disputedBy" name="disputedBy" defaultValue={v.disputedBy} />
          </Field>
          <Field className="sm:col-span-2" label={LABELS.disputeReason} htmlFor="disputeReason" error={errors.disputeReason}>
            <Input id="disputeReason" name="disputeReason" defaultValue={v.disputeReason} />
          </Field>
        </div>
      </fieldset>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        {cancelHref && (
          <Button asChild variant="outline">
            <a href={cancelHref}>Cancel</a>
          </Button>
        )}
      </div>
    </form>
  );
}
