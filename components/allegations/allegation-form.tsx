"use client";

import { useActionState, useState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import {
  ALLEGATION_KIND_LABELS,
  ALLEGATION_KINDS,
  APP_PLATFORM_LABELS,
  APP_PLATFORMS,
  DATA_CATEGORIES,
  DATA_CATEGORY_LABELS,
} from "@/lib/schemas/allegation";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormProblems, HiddenFields } from "@/components/forms/form-problems";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { FormActions } from "@/components/forms/form-actions";

export type AllegationFormValues = {
  paragraph?: string;
  text?: string;
  kind?: string;
  elementIds?: string[];
  dataCategories?: string[];
  destinationHost?: string;
  recipientOrg?: string;
  destinationCountry?: string;
  sdk?: string;
  observedFrom?: string;
  observedTo?: string;
  appPlatform?: string;
  appVersion?: string;
  sdkPrefixes?: string;
};

export type ElementChoice = { countLabel: string; elements: { id: string; label: string; text: string }[] };

const LABELS: Record<string, string> = {
  paragraph: "Complaint ¶",
  text: "Allegation",
  kind: "Kind",
  elementIds: "Elements it serves",
  dataCategories: "Data categories",
  destinationHost: "Destination host",
  recipientOrg: "Recipient organisation",
  destinationCountry: "Destination country",
  sdk: "SDK",
  observedFrom: "Observed from",
  observedTo: "Observed to",
  appPlatform: "App platform",
  appVersion: "App version",
  sdkPrefixes: "SDK package prefixes",
};

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  initial: AllegationFormValues;
  hidden: Record<string, string>;
  counts: ElementChoice[];
  countries: { code: string; name: string }[];
  submitLabel: string;
  cancelHref: string;
};

export function AllegationForm({ action, initial, hidden, counts, countries, submitLabel, cancelHref }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  // Kept outside the keyed <form> so a refused submit re-mounts the fields without losing the
  // boxes that were ticked (the echoed values hold one value per name).
  const [kind, setKind] = useState(initial.kind ?? "DATA_TRANSFER");
  const [elementIds, setElementIds] = useState(new Set(initial.elementIds ?? []));
  const [categories, setCategories] = useState(new Set(initial.dataCategories ?? []));
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v: AllegationFormValues = state.status === "error" ? state.values : initial;
  const fieldErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k !== "_form")
      .map(([k, m]) => [k.split(".")[0]!, m]),
  );
  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  const transfer = kind === "DATA_TRANSFER";

  return (
    <form key={state.status === "error" ? state.attempt : "initial"} action={formAction} className="flex max-w-4xl flex-col gap-5" noValidate>
      <HiddenFields values={hidden} />
      <FormProblems state={state} labels={LABELS} />

      <div className="grid gap-5 sm:grid-cols-4">
        <Field label={LABELS.paragraph} htmlFor="paragraph" error={fieldErrors.paragraph} required>
          <Input id="paragraph" name="paragraph" inputMode="numeric" defaultValue={v.paragraph} className="font-mono" />
        </Field>
        <Field className="sm:col-span-3" label={LABELS.kind} htmlFor="kind" error={fieldErrors.kind} required>
          <Select id="kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {ALLEGATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {ALLEGATION_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <Field label={LABELS.text} htmlFor="text" error={fieldErrors.text} required description="In the complaint's words.">
        <Textarea id="text" name="text" rows={4} defaultValue={v.text} />
      </Field>

      <fieldset id="elementIds" className="grid gap-2" aria-describedby={fieldErrors.elementIds ? "elementIds-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">{LABELS.elementIds}</legend>
        {counts.length === 0 && <p className="text-sm text-muted-foreground">No counts yet: add the causes of action on the Counts page.</p>}
        {counts.map((c) => (
          <div key={c.countLabel} className="grid gap-1">
            <p className="text-sm font-medium">{c.countLabel}</p>
            {c.elements.map((e) => (
              <label key={e.id} className="flex items-start gap-2 text-sm">
                <Checkbox name="elementIds" value={e.id} checked={elementIds.has(e.id)} onChange={(ev) => setElementIds(toggle(elementIds, e.id, ev.target.checked))} className="mt-0.5" />
                <span>
                  <span className="font-mono text-xs text-muted-foreground">{e.label}</span> {e.text}
                </span>
              </label>
            ))}
          </div>
        ))}
        {fieldErrors.elementIds && (
          <p id="elementIds-error" className="text-sm font-medium text-destructive">
            {fieldErrors.elementIds.join(" ")}
          </p>
        )}
      </fieldset>

      {kind === "SDK_EMBEDDED" && (
        <Field
          label={LABELS.sdkPrefixes}
          htmlFor="sdkPrefixes"
          error={fieldErrors.sdkPrefixes}
          description="The SDKs this ¶ says are embedded, as Java package prefixes (e.g. com.baidu, com.igexin): app packages whose code lies under one are suggested as support."
        >
          <Input id="sdkPrefixes" name="sdkPrefixes" defaultValue={v.sdkPrefixes} className="font-mono" />
        </Field>
      )}

      {/* Disabled (and so not submitted) unless the allegation is a data transfer. */}
      <fieldset disabled={!transfer} className="grid gap-5 rounded-lg border border-border p-4 disabled:opacity-50" aria-label="Data transfer detail">
        <legend className="px-1 text-sm font-medium">Data transfer detail {!transfer && <span className="font-normal text-muted-foreground">(data-transfer allegations only)</span>}</legend>
        <div id="dataCategories" className="grid gap-1">
          <p className="text-sm font-medium">
            {LABELS.dataCategories}
            <span aria-hidden className="ml-0.5 text-destructive">*</span>
          </p>
          <div className="grid grid-cols-2 gap-1 sm:grid-cols-3">
            {DATA_CATEGORIES.map((c) => (
              <label key={c} className="flex items-center gap-2 text-sm">
                <Checkbox name="dataCategories" value={c} checked={categories.has(c)} onChange={(ev) => setCategories(toggle(categories, c, ev.target.checked))} />
                {DATA_CATEGORY_LABELS[c]}
              </label>
            ))}
          </div>
          {fieldErrors.dataCategories && <p className="text-sm font-medium text-destructive">{fieldErrors.dataCategories.join(" ")}</p>}
        </div>
        <div className="grid gap-5 sm:grid-cols-3">
          <Field label={LABELS.destinationHost} htmlFor="destinationHost" error={fieldErrors.destinationHost} required description="e.g. umeng.com">
            <Input id="destinationHost" name="destinationHost" defaultValue={v.destinationHost} className="font-mono" />
          </Field>
          <Field label={LABELS.recipientOrg} htmlFor="recipientOrg" error={fieldErrors.recipientOrg} description="e.g. Alibaba Group">
            <Input id="recipientOrg" name="recipientOrg" defaultValue={v.recipientOrg} />
          </Field>
          <Field label={LABELS.destinationCountry} htmlFor="destinationCountry" error={fieldErrors.destinationCountry} description="ISO 3166 code">
            <Select id="destinationCountry" name="destinationCountry" defaultValue={v.destinationCountry ?? ""}>
              <option value="">Unknown</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} — {c.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="grid gap-5 sm:grid-cols-4">
          <Field label={LABELS.sdk} htmlFor="sdk" error={fieldErrors.sdk}>
            <Input id="sdk" name="sdk" defaultValue={v.sdk} />
          </Field>
          <Field label={LABELS.observedFrom} htmlFor="observedFrom" error={fieldErrors.observedFrom}>
            <Input id="observedFrom" name="observedFrom" type="date" defaultValue={v.observedFrom} />
          </Field>
          <Field label={LABELS.observedTo} htmlFor="observedTo" error={fieldErrors.observedTo}>
            <Input id="observedTo" name="observedTo" type="date" defaultValue={v.observedTo} />
          </Field>
          <Field label={LABELS.appPlatform} htmlFor="appPlatform" error={fieldErrors.appPlatform}>
            <Select id="appPlatform" name="appPlatform" defaultValue={v.appPlatform ?? "UNKNOWN"}>
              {APP_PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {APP_PLATFORM_LABELS[p]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field className="sm:max-w-xs" label={LABELS.appVersion} htmlFor="appVersion" error={fieldErrors.appVersion}>
          <Input id="appVersion" name="appVersion" defaultValue={v.appVersion} />
        </Field>
      </fieldset>

      <FormActions pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
