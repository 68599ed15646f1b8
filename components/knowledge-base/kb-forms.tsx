"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { TRACKER_CATEGORIES, TRACKER_CATEGORY_LABELS } from "@/lib/analyzer/kb/tracker-domains";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export type FactValues = { domain?: string; organisation?: string; parent?: string | null; country?: string | null; category?: string; source?: string; checkedOn?: string | null };

function Outcome({ state }: { state: ActionState }) {
  if (state.status === "success") {
    return (
      <Alert variant="success">
        <AlertDescription>{state.message}</AlertDescription>
      </Alert>
    );
  }
  if (state.status === "error" && Object.keys(state.fieldErrors).length === 0) {
    return (
      <Alert variant="destructive">
        <AlertDescription>{state.message}</AlertDescription>
      </Alert>
    );
  }
  return null;
}

// A tracker fact: a global row of ours (admin) or a matter's own override (staff). When editing,
// the domain is fixed: the row is keyed by it.
export function TrackerFactForm({ action, idPrefix, initial, editing, submitLabel }: { action: Action; idPrefix: string; initial?: FactValues; editing?: boolean; submitLabel: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v: FactValues = state.status === "error" ? state.values : (initial ?? {});
  const id = (name: string) => `${idPrefix}-${name}`;
  const summary = Object.fromEntries(Object.entries(errors).map(([k, e]) => [id(k), e]));
  return (
    <form key={state.status === "error" ? state.attempt : `${state.status}-${initial?.domain ?? ""}`} action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <Outcome state={state} />
        {state.status === "error" && Object.keys(errors).length > 0 && <FormErrorSummary errors={summary} />}
      </div>
      <Field label="Domain" htmlFor={id("domain")} error={errors.domain} required description="A registrable domain (umeng.com) or a host below one (bugly.qq.com).">
        <Input id={id("domain")} name="domain" defaultValue={v.domain ?? ""} readOnly={editing} placeholder="umeng.com" />
      </Field>
      <Field label="Organisation" htmlFor={id("organisation")} error={errors.organisation} required>
        <Input id={id("organisation")} name="organisation" defaultValue={v.organisation ?? ""} />
      </Field>
      <Field label="Parent company" htmlFor={id("parent")} error={errors.parent}>
        <Input id={id("parent")} name="parent" defaultValue={v.parent ?? ""} />
      </Field>
      <Field label="Headquarters country" htmlFor={id("country")} error={errors.country} description="ISO 3166 two-letter code of the parent's headquarters, such as CN or US.">
        <Input id={id("country")} name="country" defaultValue={v.country ?? ""} maxLength={2} className="w-24 uppercase" />
      </Field>
      <Field label="What the service does" htmlFor={id("category")} error={errors.category} required>
        <Select id={id("category")} name="category" defaultValue={v.category ?? ""}>
          <option value="">Choose…</option>
          {TRACKER_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {TRACKER_CATEGORY_LABELS[c]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Checked on" htmlFor={id("checkedOn")} error={errors.checkedOn} description="When a person confirmed the fact against its source; blank until someone has.">
        <Input id={id("checkedOn")} name="checkedOn" type="date" defaultValue={v.checkedOn ?? ""} className="w-44" />
      </Field>
      <Field label="Source" htmlFor={id("source")} error={errors.source} required description="A URL or a document (with page or exhibit number) that states the fact." className="sm:col-span-2">
        <Input id={id("source")} name="source" defaultValue={v.source ?? ""} />
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}

export function SdkSignatureForm({ action, initial, editing }: { action: Action; initial?: { prefix?: string; organisation?: string; sdk?: string; category?: string | null; source?: string }; editing?: boolean }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v = state.status === "error" ? state.values : (initial ?? {});
  return (
    <form key={state.status === "error" ? state.attempt : `${state.status}-${initial?.prefix ?? ""}`} action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <Outcome state={state} />
      </div>
      <Field label="Java package prefix" htmlFor="sig-prefix" error={errors.prefix} required description="Matches the package and every package below it.">
        <Input id="sig-prefix" name="prefix" defaultValue={v.prefix ?? ""} readOnly={editing} placeholder="com.umeng" />
      </Field>
      <Field label="Organisation" htmlFor="sig-organisation" error={errors.organisation} required>
        <Input id="sig-organisation" name="organisation" defaultValue={v.organisation ?? ""} />
      </Field>
      <Field label="SDK" htmlFor="sig-sdk" error={errors.sdk} required>
        <Input id="sig-sdk" name="sdk" defaultValue={v.sdk ?? ""} />
      </Field>
      <Field label="What the SDK does" htmlFor="sig-category" error={errors.category}>
        <Select id="sig-category" name="category" defaultValue={v.category ?? ""}>
          <option value="">Not stated</option>
          {TRACKER_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {TRACKER_CATEGORY_LABELS[c]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Source" htmlFor="sig-source" error={errors.source} required className="sm:col-span-2">
        <Input id="sig-source" name="source" defaultValue={v.source ?? ""} />
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : editing ? "Save signature" : "Add signature"}
        </Button>
      </div>
    </form>
  );
}

export function KbImportForm({ action, idPrefix, accept, label, submitLabel }: { action: Action; idPrefix: string; accept: string; label: string; submitLabel: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <Outcome state={state} />
      <Field label={label} htmlFor={`${idPrefix}-file`} error={errors.file} required>
        <Input id={`${idPrefix}-file`} name="file" type="file" accept={accept} />
      </Field>
      <div>
        <Button type="submit" variant="outline" disabled={pending}>
          {pending ? "Importing…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
