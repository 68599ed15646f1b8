"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

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

export function CreateStaffUserForm({ action, submissionKey }: { action: Action; submissionKey: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v = state.status === "error" ? state.values : {};
  return (
    <form key={state.status === "error" ? state.attempt : state.status} action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate>
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <div className="sm:col-span-2">
        <Outcome state={state} />
      </div>
      <Field label="Name" htmlFor="new-name" error={errors.name} required>
        <Input id="new-name" name="name" defaultValue={v.name} />
      </Field>
      <Field label="Email" htmlFor="new-email" error={errors.email} required>
        <Input id="new-email" name="email" type="email" defaultValue={v.email} />
      </Field>
      <Field label="Account role" htmlFor="new-role" error={errors.role} required>
        <Select id="new-role" name="role" defaultValue={v.role ?? "STAFF"}>
          <option value="STAFF">Legal staff</option>
          <option value="ADMIN">Administrator</option>
        </Select>
      </Field>
      <Field label="Initial password" htmlFor="new-password" error={errors.password} required description="At least 12 characters; tell the person to keep it private.">
        <Input id="new-password" name="password" type="password" autoComplete="new-password" />
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create account"}
        </Button>
      </div>
    </form>
  );
}

export function AddMemberForm({ action, matterId }: { action: Action; matterId: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v = state.status === "error" ? state.values : {};
  return (
    <form key={state.status === "error" ? state.attempt : state.status} action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="matterId" value={matterId} />
      <Field label="Member email" htmlFor={`member-email-${matterId}`} error={errors.email} className="min-w-64">
        <Input id={`member-email-${matterId}`} name="email" type="email" defaultValue={v.email} />
      </Field>
      <Field label="Role" htmlFor={`member-role-${matterId}`} error={errors.role}>
        <Select id={`member-role-${matterId}`} name="role" defaultValue={v.role ?? "PARALEGAL"}>
          <option value="ATTORNEY">Attorney</option>
          <option value="PARALEGAL">Paralegal</option>
        </Select>
      </Field>
      <Button type="submit" variant="outline" disabled={pending}>
        Add to team
      </Button>
      <div className="basis-full">
        <Outcome state={state} />
      </div>
    </form>
  );
}

// One-button forms (disable/enable, remove) that still say what happened.
export function ButtonForm({
  action,
  fields,
  label,
  confirmText,
  variant = "outline",
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  confirmText: string;
  variant?: "outline" | "destructive";
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(confirmText)) e.preventDefault();
      }}
      className="inline-flex items-center gap-2"
    >
      {Object.entries(fields).map(([k, val]) => (
        <input key={k} type="hidden" name={k} value={val} />
      ))}
      <Button type="submit" size="sm" variant={variant} disabled={pending}>
        {label}
      </Button>
      {state.status === "error" && (
        <span role="alert" className="text-sm text-destructive">
          {state.message} {Object.values(state.fieldErrors).flat().join(" ")}
        </span>
      )}
    </form>
  );
}
