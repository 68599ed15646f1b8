"use client";

import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { FormProblems } from "@/components/forms/form-problems";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";

// Deleting asks why: the audit log keeps the reason with what the fact said.
export function DeleteFactForm({ action }: { action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const key = state.status === "error" ? state.attempt : "initial";
  return (
    <form key={key} action={formAction} className="grid gap-3" noValidate>
      <FormProblems state={state} labels={{ reason: "Why it is deleted" }} />
      <Field label="Why it is deleted" htmlFor="reason" error={errors.reason} required description="Kept in the audit log.">
        <Textarea id="reason" name="reason" rows={2} defaultValue={state.status === "error" ? state.values.reason : undefined} />
      </Field>
      <div>
        <Button type="submit" variant="destructive" disabled={pending}>
          {pending ? "Deleting…" : "Delete fact"}
        </Button>
      </div>
    </form>
  );
}
