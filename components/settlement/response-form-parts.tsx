"use client";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, fieldErrorId } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { US_STATES } from "@/lib/us-states";

// Pieces the opt-out and objection forms share. Every word arrives translated from the page
// (getTranslations), so these components hold no text of their own.
export type Words = Record<string, string>;
export type Errors = Record<string, string[] | undefined>;
export type Values = Record<string, string | undefined>;

export const section = "grid gap-5 rounded-lg border border-border bg-background p-5";
export const legend = "mb-1 px-1 text-lg font-semibold";

export function AddressFields({ w, errors, v }: { w: Words; errors: Errors; v: Values }) {
  return (
    <>
      <Field label={w.addressLine1!} htmlFor="addressLine1" error={errors.addressLine1} required>
        <Input id="addressLine1" name="addressLine1" autoComplete="address-line1" defaultValue={v.addressLine1} />
      </Field>
      <Field label={w.addressLine2!} htmlFor="addressLine2" error={errors.addressLine2} description={w.optional}>
        <Input id="addressLine2" name="addressLine2" autoComplete="address-line2" defaultValue={v.addressLine2} />
      </Field>
      <Field label={w.city!} htmlFor="city" error={errors.city} required>
        <Input id="city" name="city" autoComplete="address-level2" defaultValue={v.city} />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={w.state!} htmlFor="state" error={errors.state} required>
          <Select id="state" name="state" autoComplete="address-level1" defaultValue={v.state ?? ""}>
            <option value="">{w.chooseState}</option>
            {Object.entries(US_STATES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={w.zip!} htmlFor="zip" error={errors.zip} required>
          <Input id="zip" name="zip" inputMode="numeric" autoComplete="postal-code" defaultValue={v.zip} />
        </Field>
      </div>
    </>
  );
}

// A required tick box with its own error line (Field wraps text controls; a checkbox sits beside its label).
export function Tick({ name, label, error, describedBy }: { name: string; label: string; error?: string[]; describedBy?: string }) {
  return (
    <div className="grid gap-1.5">
      <div className="flex items-start gap-2">
        <Checkbox id={name} name={name} className="mt-1" aria-invalid={error ? true : undefined} aria-describedby={error ? fieldErrorId(name) : describedBy} />
        <Label htmlFor={name} className="font-normal">
          {label}
        </Label>
      </div>
      {error && (
        <p id={fieldErrorId(name)} className="text-sm font-medium text-destructive">
          {error.join(" ")}
        </p>
      )}
    </div>
  );
}

// A yes/no question as two radios, the first carrying the id the error summary links to.
export function YesNo({ name, legendText, help, w, error, value }: { name: string; legendText: string; help?: string; w: Words; error?: string[]; value?: string }) {
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? fieldErrorId(name) : undefined}>
      <legend className="text-sm font-medium">
        {legendText}
        <span aria-hidden className="ml-0.5 text-destructive">
          *
        </span>
      </legend>
      {help && <p className="text-sm text-muted-foreground">{help}</p>}
      <div className="flex gap-6">
        {(["yes", "no"] as const).map((answer) => {
          const id = answer === "yes" ? name : `${name}-no`;
          return (
            <div key={answer} className="flex items-center gap-2">
              <input type="radio" id={id} name={name} value={answer} defaultChecked={value === answer} className="size-4 accent-primary" />
              <Label htmlFor={id} className="font-normal">
                {w[answer]}
              </Label>
            </div>
          );
        })}
      </div>
      {error && (
        <p id={fieldErrorId(name)} className="text-sm font-medium text-destructive">
          {error.join(" ")}
        </p>
      )}
    </fieldset>
  );
}

// The sworn statement, the typed signature and the tick that signs it, then the send button:
// the end of both public response forms.
export function SignatureAndSubmit({ w, errors, v, pending }: { w: Words; errors: Errors; v: Values; pending: boolean }) {
  return (
    <>
      <fieldset className={section}>
        <legend className={legend}>{w.sectionSignature}</legend>
        <blockquote className="border-l-4 border-border-strong pl-4 text-base" id="attestation-text">
          {w.attestationText}
        </blockquote>
        <Field label={w.attestationName!} htmlFor="attestationName" error={errors.attestationName} required description={w.attestationNote}>
          <Input id="attestationName" name="attestationName" autoComplete="name" defaultValue={v.attestationName} />
        </Field>
        <Tick name="attestationAgree" label={w.attestationAgree!} error={errors.attestationAgree} describedBy="attestation-text" />
      </fieldset>

      <div>
        <Button type="submit" size="lg" disabled={pending}>
          {pending ? w.submitting : w.submit}
        </Button>
      </div>
    </>
  );
}
