"use client";

import type { ActionState } from "@/lib/action-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FormErrorSummary } from "@/components/ui/form-error-summary";

// What a refused submit shows above a form: the summary of field errors (each linked to its
// field), or, when no field is to blame, the action's message.
export function FormProblems({ state, labels }: { state: ActionState; labels: Record<string, string> }) {
  if (state.status !== "error") return null;
  const { _form: formErrors, ...fieldErrors } = state.fieldErrors;
  return (
    <>
      <FormErrorSummary errors={fieldErrors} labels={labels} formErrors={formErrors} />
      {Object.keys(state.fieldErrors).length === 0 && (
        <Alert variant="destructive">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
    </>
  );
}

// Values the form carries but the user does not edit (submission key, loaded version).
export function HiddenFields({ values }: { values: Record<string, string> }) {
  return Object.entries(values).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}
