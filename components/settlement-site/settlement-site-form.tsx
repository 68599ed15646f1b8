"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { SITE_SECTION_LABELS, SITE_SECTIONS, siteFieldName, type TSettlementSiteContent } from "@/lib/schemas/settlement-site";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Textarea } from "@/components/ui/textarea";

type Props = { action: (prev: ActionState, form: FormData) => Promise<ActionState>; initial: TSettlementSiteContent };

const LABELS = Object.fromEntries(SITE_SECTIONS.flatMap((s) => LOCALES.map((l) => [siteFieldName(s, l), `${SITE_SECTION_LABELS[s]} (${LOCALE_NAMES[l]})`])));

export function SettlementSiteForm({ action, initial }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v: Record<string, string | undefined> =
    state.status === "error" ? state.values : Object.fromEntries(SITE_SECTIONS.flatMap((s) => LOCALES.map((l) => [siteFieldName(s, l), initial[l][s]])));
  return (
    <form key={state.status === "error" ? state.attempt : "initial"} action={formAction} className="grid gap-4" noValidate>
      <FormErrorSummary errors={Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "_form"))} labels={LABELS} formErrors={errors._form} />
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
      {SITE_SECTIONS.map((s) => (
        <fieldset key={s} className="grid gap-4">
          <legend className="mb-2 text-lg font-semibold">{SITE_SECTION_LABELS[s]}</legend>
          <div className="grid gap-4 lg:grid-cols-2">
            {LOCALES.map((l) => {
              const name = siteFieldName(s, l);
              return (
                <Field key={l} label={LABELS[name]!} htmlFor={name} error={errors[name]}>
                  <Textarea id={name} name={name} rows={8} defaultValue={v[name]} lang={l} />
                </Field>
              );
            })}
          </div>
        </fieldset>
      ))}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save website text"}
        </Button>
      </div>
    </form>
  );
}
