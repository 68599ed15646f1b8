"use client";

import { useActionState } from "react";
import { EraserIcon } from "lucide-react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { REDACTION_REASON_LABELS, REDACTION_REASONS } from "@/lib/schemas/exhibit";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

type Props = { action: (prev: ActionState, form: FormData) => Promise<ActionState>; submissionKey: string };

// Search-and-redact: each line is removed wherever it appears in the PDF. The server keeps the
// copy only after checking the text is gone, and says which term survived otherwise.
export function RedactionForm({ action, submissionKey }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const termErrors = Object.entries(errors)
    .filter(([k]) => k.startsWith("terms"))
    .flatMap(([, v]) => v);
  return (
    <form key={state.status === "error" ? state.attempt : state.status} action={formAction} className="grid max-w-2xl gap-4" noValidate data-testid="redaction-form">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      {state.status === "error" && (
        <Alert variant="destructive">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      {state.status === "success" && (
        <Alert variant="success">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      <Field
        label="Text to redact, one term per line"
        htmlFor="terms"
        error={termErrors.length ? termErrors : undefined}
        required
        description="Every occurrence is removed from the PDF's text (not covered over), in any letter case. Earlier redactions of this exhibit are applied again."
      >
        <Textarea id="terms" name="terms" rows={4} className="font-mono" defaultValue={state.status === "error" ? state.values.terms : ""} />
      </Field>
      <Field label="Reason" htmlFor="reason" error={errors.reason} required>
        <Select id="reason" name="reason" defaultValue={state.status === "error" ? state.values.reason : "PII"}>
          {REDACTION_REASONS.map((r) => (
            <option key={r} value={r}>
              {REDACTION_REASON_LABELS[r]}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          <EraserIcon aria-hidden /> {pending ? "Redacting and checking…" : "Make a redacted copy"}
        </Button>
      </div>
    </form>
  );
}
