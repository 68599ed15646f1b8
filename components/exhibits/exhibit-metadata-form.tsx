"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { EXHIBIT_KIND_LABELS, EXHIBIT_KINDS } from "@/lib/schemas/exhibit";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

export type ExhibitMetadataValues = Record<
  "title" | "description" | "kind" | "source" | "custodian" | "collectedBy" | "obtainedAt" | "documentDate" | "author" | "recipients" | "cc" | "subject",
  string | undefined
>;

const LABELS: Record<string, string> = {
  title: "Title",
  description: "Description",
  kind: "Kind",
  source: "Source",
  custodian: "Custodian",
  collectedBy: "Collected by",
  obtainedAt: "Date obtained",
  documentDate: "Document date",
  author: "Author",
  recipients: "Recipients (To)",
  cc: "Cc",
  subject: "Subject",
};

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  initial: ExhibitMetadataValues;
  expectedUpdatedAt: string;
};

export function ExhibitMetadataForm({ action, initial, expectedUpdatedAt }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v: Partial<ExhibitMetadataValues> = state.status === "error" ? state.values : initial;
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "_form"));
  const text = (name: keyof ExhibitMetadataValues, type = "text") => (
    <Field label={LABELS[name]} htmlFor={name} error={errors[name]}>
      <Input id={name} name={name} type={type} defaultValue={v[name]} />
    </Field>
  );

  return (
    <form key={state.status === "error" ? state.attempt : expectedUpdatedAt} action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="expectedUpdatedAt" value={expectedUpdatedAt} />
      <FormErrorSummary errors={fieldErrors} labels={LABELS} formErrors={errors._form} />
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
      <div className="grid gap-4 sm:grid-cols-3">
        <Field className="sm:col-span-2" label={LABELS.title} htmlFor="title" error={errors.title} required>
          <Input id="title" name="title" defaultValue={v.title} />
        </Field>
        <Field label={LABELS.kind} htmlFor="kind" error={errors.kind} required>
          <Select id="kind" name="kind" defaultValue={v.kind}>
            {EXHIBIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {EXHIBIT_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={LABELS.description} htmlFor="description" error={errors.description}>
        <Textarea id="description" name="description" rows={3} defaultValue={v.description} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        {text("source")}
        {text("custodian")}
        {text("collectedBy")}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        {text("obtainedAt", "date")}
        {text("documentDate", "date")}
        {text("author")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {text("recipients")}
        {text("cc")}
      </div>
      {text("subject")}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save metadata"}
        </Button>
      </div>
    </form>
  );
}
