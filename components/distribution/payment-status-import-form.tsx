"use client";

import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

// The processors' and the bank's answer: which payments were paid, failed or came back.
export function PaymentStatusImportForm({ action }: { action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={formAction} className="grid gap-3" noValidate data-testid="payment-status-import">
      {state.status === "success" && (
        <Alert variant="success">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      {state.status === "error" && (
        <Alert variant="destructive">
          <AlertDescription>
            {state.message}
            {errors.file && errors.file.length > 1 && (
              <ul className="mt-2 list-disc pl-5">
                {errors.file.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </AlertDescription>
        </Alert>
      )}
      <Field
        label="Status file (CSV)"
        htmlFor="status-file"
        error={errors.file && errors.file.length === 1 ? errors.file : undefined}
        description="Columns claim_number, status (paid, failed or returned) and reason; a failed or returned payment needs its reason. The whole file is checked before anything changes."
        required
      >
        <Input id="status-file" name="file" type="file" accept=".csv,text/csv" />
      </Field>
      <div>
        <Button type="submit" variant="outline" disabled={pending}>
          {pending ? "Importing…" : "Import payment statuses"}
        </Button>
      </div>
    </form>
  );
}
