"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type ActionState } from "@/lib/action-state";
import { PAYMENT_METHODS, type TPaymentMethod } from "@/lib/payments/payment-details";
import { US_STATES } from "@/lib/us-states";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  // What is saved now (the account number never comes back to the page).
  current: Record<string, string>;
  payeeName: string;
};

// One method at a time: the fields of the chosen method only, so nothing of another is sent.
export function PaymentDetailsForm({ action, current, payeeName }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const t = useTranslations("payment");
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v: Record<string, string | undefined> = state.status === "error" ? state.values : current;
  const [method, setMethod] = useState<TPaymentMethod | "">((v.method as TPaymentMethod) ?? "");
  // Every answer re-mounts the form: React resets a form after its action, which would put the
  // method list back on "Choose…" while the chosen method's fields stay (and a second save would
  // send no method). Counted the way React recommends for values derived from a previous render.
  const [seen, setSeen] = useState({ state, answers: 0 });
  if (seen.state !== state) setSeen({ state, answers: seen.answers + 1 });
  const labels: Record<string, string> = {
    method: t("method"),
    recipient: method === "PREPAID_CARD" ? t("cardEmail") : t("recipient"),
    routingNumber: t("routingNumber"),
    accountNumber: t("accountNumber"),
    accountNumberConfirm: t("accountNumberConfirm"),
    accountType: t("accountType"),
    addressLine1: t("addressLine1"),
    addressLine2: t("addressLine2"),
    city: t("city"),
    state: t("state"),
    zip: t("zip"),
  };
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "_form"));
  return (
    <form key={state.status === "error" ? state.attempt : `answer-${seen.answers}`} action={formAction} className="grid gap-4" noValidate data-testid="payment-details-form">
      <FormErrorSummary errors={fieldErrors} labels={labels} formErrors={errors._form} title={t("problem")} />
      {state.status === "error" && Object.keys(errors).length === 0 && (
        <Alert variant="destructive">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      {state.status === "success" && (
        <Alert variant="success">
          <AlertDescription>{t("saved")}</AlertDescription>
        </Alert>
      )}
      <Field label={labels.method} htmlFor="method" error={errors.method} required>
        <Select id="method" name="method" value={method} onChange={(e) => setMethod(e.target.value as TPaymentMethod | "")}>
          <option value="">{t("choose")}</option>
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`methods.${m}`)}
            </option>
          ))}
        </Select>
      </Field>
      {(method === "PAYPAL" || method === "VENMO" || method === "PREPAID_CARD") && (
        <Field
          label={labels.recipient}
          htmlFor="recipient"
          error={errors.recipient}
          required
          description={method === "PREPAID_CARD" ? undefined : t("recipientHint", { method: t(`methods.${method}`) })}
        >
          <Input id="recipient" name="recipient" type={method === "PREPAID_CARD" ? "email" : "text"} autoComplete={method === "PREPAID_CARD" ? "email" : "off"} defaultValue={v.recipient} />
        </Field>
      )}
      {method === "ACH" && (
        <>
          <Field label={labels.routingNumber} htmlFor="routingNumber" error={errors.routingNumber} required description={t("routingHint")}>
            <Input id="routingNumber" name="routingNumber" inputMode="numeric" autoComplete="off" defaultValue={v.routingNumber} />
          </Field>
          <Field label={labels.accountNumber} htmlFor="accountNumber" error={errors.accountNumber} required>
            <Input id="accountNumber" name="accountNumber" inputMode="numeric" autoComplete="off" />
          </Field>
          <Field label={labels.accountNumberConfirm} htmlFor="accountNumberConfirm" error={errors.accountNumberConfirm} required>
            <Input id="accountNumberConfirm" name="accountNumberConfirm" inputMode="numeric" autoComplete="off" />
          </Field>
          <Field label={labels.accountType} htmlFor="accountType" error={errors.accountType} required>
            <Select id="accountType" name="accountType" defaultValue={v.accountType ?? ""}>
              <option value="">{t("choose")}</option>
              <option value="CHECKING">{t("checking")}</option>
              <option value="SAVINGS">{t("savings")}</option>
            </Select>
          </Field>
        </>
      )}
      {method === "CHECK" && (
        <>
          <p className="text-sm text-muted-foreground">{t("checkHint", { name: payeeName })}</p>
          <Field label={labels.addressLine1} htmlFor="addressLine1" error={errors.addressLine1} required>
            <Input id="addressLine1" name="addressLine1" autoComplete="address-line1" defaultValue={v.addressLine1} />
          </Field>
          <Field label={labels.addressLine2} htmlFor="addressLine2" error={errors.addressLine2}>
            <Input id="addressLine2" name="addressLine2" autoComplete="address-line2" defaultValue={v.addressLine2} />
          </Field>
          <Field label={labels.city} htmlFor="city" error={errors.city} required>
            <Input id="city" name="city" autoComplete="address-level2" defaultValue={v.city} />
          </Field>
          <Field label={labels.state} htmlFor="state" error={errors.state} required>
            <Select id="state" name="state" autoComplete="address-level1" defaultValue={v.state ?? ""}>
              <option value="">{t("choose")}</option>
              {Object.entries(US_STATES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={labels.zip} htmlFor="zip" error={errors.zip} required>
            <Input id="zip" name="zip" inputMode="numeric" autoComplete="postal-code" defaultValue={v.zip} />
          </Field>
        </>
      )}
      <div>
        <Button type="submit" disabled={pending || method === ""}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
