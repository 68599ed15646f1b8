"use client";

import { useActionState } from "react";
import { ArrowDown, ArrowUp } from "lucide-react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

function useForm(action: Action) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values: Record<string, string> = state.status === "error" ? state.values : {};
  const key = state.status === "error" ? state.attempt : "initial";
  return { state, formAction, pending, errors, values, key };
}

function Outcome({ state }: { state: ActionState }) {
  if (state.status === "success") return <p className="text-sm text-success" role="status">{state.message}</p>;
  if (state.status === "error" && Object.keys(state.fieldErrors).length === 0) {
    return (
      <Alert variant="destructive">
        <AlertDescription>{state.message}</AlertDescription>
      </Alert>
    );
  }
  return null;
}

const COUNT_LABELS = { number: "Count number", title: "Title", statute: "Statute", description: "Description", elements: "Elements" };

export type CountValues = { number?: string; title?: string; statute?: string; description?: string };

export function CountForm({ action, initial, hidden, withElements, submitLabel }: { action: Action; initial: CountValues; hidden: Record<string, string>; withElements: boolean; submitLabel: string }) {
  const f = useForm(action);
  const v: Record<string, string | undefined> = f.state.status === "error" ? f.values : initial;
  return (
    <form key={f.key} action={f.formAction} className="flex max-w-3xl flex-col gap-4" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormErrorSummary errors={f.errors} labels={COUNT_LABELS} />
      <Outcome state={f.state} />
      <div className="grid gap-4 sm:grid-cols-4">
        <Field label={COUNT_LABELS.number} htmlFor="number" error={f.errors.number} required>
          <Input id="number" name="number" inputMode="numeric" defaultValue={v.number} />
        </Field>
        <Field className="sm:col-span-3" label={COUNT_LABELS.title} htmlFor="title" error={f.errors.title} required>
          <Input id="title" name="title" defaultValue={v.title} />
        </Field>
      </div>
      <Field label={COUNT_LABELS.statute} htmlFor="statute" error={f.errors.statute} description="e.g. 18 U.S.C. § 1030">
        <Input id="statute" name="statute" defaultValue={v.statute} />
      </Field>
      <Field label={COUNT_LABELS.description} htmlFor="description" error={f.errors.description}>
        <Textarea id="description" name="description" rows={2} defaultValue={v.description} />
      </Field>
      {withElements && (
        <Field label={COUNT_LABELS.elements} htmlFor="elements" error={f.errors.elements} description="One element per line, in order.">
          <Textarea id="elements" name="elements" rows={5} defaultValue={v.elements} />
        </Field>
      )}
      <div>
        <Button type="submit" disabled={f.pending}>
          {f.pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}

export function AddElementForm({ action }: { action: Action }) {
  const f = useForm(action);
  return (
    <form key={f.key} action={f.formAction} className="flex items-end gap-2" noValidate>
      <Field label="New element" htmlFor="new-element" error={f.errors.text} className="flex-1">
        <Input id="new-element" name="text" defaultValue={f.values.text} />
      </Field>
      <Button type="submit" disabled={f.pending}>
        Add element
      </Button>
    </form>
  );
}

// One element: rename in place, or move it up or down (which saves the whole new order).
export function ElementRow({ label, text, rename, reorder, orderUp, orderDown }: { label: string; text: string; rename: Action; reorder: Action; orderUp?: string[]; orderDown?: string[] }) {
  const f = useForm(rename);
  const r = useForm(reorder);
  const id = `element-${label}`;
  return (
    <li className="flex items-start gap-2" data-testid="element-row">
      <span className="mt-2 w-10 shrink-0 font-mono text-xs text-muted-foreground">{label}</span>
      <form key={f.key} action={f.formAction} className="flex flex-1 items-start gap-2" noValidate>
        <Field label={`Element ${label}`} hideLabel htmlFor={id} error={f.errors.text} className="flex-1">
          <Input id={id} name="text" defaultValue={f.values.text ?? text} />
        </Field>
        <Button type="submit" variant="outline" size="sm" className="mt-0.5" disabled={f.pending}>
          Save
        </Button>
      </form>
      {[
        { order: orderUp, label: "Move up", icon: <ArrowUp aria-hidden /> },
        { order: orderDown, label: "Move down", icon: <ArrowDown aria-hidden /> },
      ].map(({ order, label: l, icon }) => (
        <form key={l} action={r.formAction}>
          {order?.map((eid) => <input key={eid} type="hidden" name="elementIds" value={eid} />)}
          <Button type="submit" variant="ghost" size="icon" disabled={!order || r.pending} aria-label={`${l}: element ${label}`}>
            {icon}
          </Button>
        </form>
      ))}
      {r.state.status === "error" && <p className="text-sm text-destructive">{r.state.message}</p>}
    </li>
  );
}
