"use client";

import { useActionState } from "react";
import { FileInput } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { IDLE, type ActionState } from "@/lib/action-state";

// Chooses the complaint exhibit to split; the split runs as a background job.
export function StartImportForm({
  action,
  exhibits,
  submissionKey,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  exhibits: { id: string; label: string; title: string }[];
  submissionKey: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={formAction} className="grid max-w-xl gap-3" noValidate>
      {state.status === "error" && Object.keys(errors).length === 0 && (
        <Alert variant="destructive">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <Field label="Complaint exhibit" htmlFor="exhibitId" error={errors.exhibitId} required description="A PDF with a text layer, or a Word document.">
        <Select id="exhibitId" name="exhibitId" defaultValue="">
          <option value="" disabled>
            Choose an exhibit…
          </option>
          {exhibits.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label} — {e.title}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          <FileInput aria-hidden /> {pending ? "Starting…" : "Split into proposed allegations"}
        </Button>
      </div>
    </form>
  );
}
