"use client";

import { useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type ActionState } from "@/lib/action-state";
import { DEFICIENCY_FIELDS, MAX_ATTACHMENT_BYTES, type TDeficiencyField } from "@/lib/schemas/claim";
import { US_STATES } from "@/lib/us-states";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type Props = {
  fields: TDeficiencyField[];
  current: Record<string, string>;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
};

// Only the fields the notice names are shown, so nothing else can change.
export function DeficiencyAnswerForm({ fields, current, action }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  // Checked before sending: a body over the server's limit is refused by the framework before our
  // action runs, which the browser could only show as a failure.
  const [tooLarge, setTooLarge] = useState(false);
  const t = useTranslations("portal.myClaim");
  const labels = Object.fromEntries(DEFICIENCY_FIELDS.map((f) => [f, t(`fields.${f}`)])) as Record<TDeficiencyField, string>;
  const errors: Record<string, string[] | undefined> = { ...(state.status === "error" ? state.fieldErrors : {}), ...(tooLarge ? { document: [t("deficiency.tooLarge")] } : {}) };
  const v: Record<string, string | undefined> = state.status === "error" ? state.values : current;
  return (
    <form key={state.status === "error" ? state.attempt : "initial"} action={formAction} className="grid gap-4" noValidate onSubmit={(event) => setTooLarge(refuseLargeDocument(event))}>
      <FormErrorSummary errors={Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "_form"))} labels={labels} formErrors={errors._form} />
      {state.status === "error" && Object.keys(errors).length === 0 && (
        <Alert variant="destructive">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      {fields.map((f) => {
        if (f === "document") {
          return (
            <Field key={f} label={labels.document} htmlFor="document" error={errors.document} required description={t("deficiency.documentHelp")}>
              <Input id="document" name="document" type="file" accept="application/pdf,image/jpeg,image/png,image/heic,image/webp" />
            </Field>
          );
        }
        if (f === "state") {
          return (
            <Field key={f} label={labels.state} htmlFor="state" error={errors.state} required>
              <Select id="state" name="state" defaultValue={v.state ?? ""}>
                {Object.entries(US_STATES).map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
          );
        }
        return (
          <Field key={f} label={labels[f]} htmlFor={f} error={errors[f]} required={f !== "addressLine2" && f !== "phone" && f !== "guardianName"}>
            <Input id={f} name={f} type={f === "dateOfBirth" ? "date" : "text"} defaultValue={v[f]} />
          </Field>
        );
      })}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("deficiency.sending") : t("deficiency.send")}
        </Button>
      </div>
    </form>
  );
}

function refuseLargeDocument(event: FormEvent<HTMLFormElement>): boolean {
  const input = event.currentTarget.elements.namedItem("document");
  const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
  if (!file || file.size <= MAX_ATTACHMENT_BYTES) return false;
  event.preventDefault();
  return true;
}
