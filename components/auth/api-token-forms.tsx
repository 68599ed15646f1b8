"use client";

import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { API_TOKEN_ACCESS, API_TOKEN_ACCESS_LABELS } from "@/lib/schemas/api-token";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
const LIFETIMES = [7, 30, 90, 180, 366] as const;

export function CreateApiTokenForm({ action, matters }: { action: Action; matters: { id: string; shortName: string; caption: string }[] }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <div className="flex flex-col gap-4">
      {state.status === "success" && state.reveal && (
        <Alert variant="success">
          <AlertTitle>{state.message}</AlertTitle>
          <AlertDescription>
            <span className="mt-2 flex items-center gap-2">
              <code data-testid="new-api-token" className="break-all rounded-md border border-border bg-subtle px-2 py-1 font-mono text-sm">
                {state.reveal[0]}
              </code>
              <CopyButton value={state.reveal[0]!} label="Copy the token" />
            </span>
            <span className="mt-2 block">Send it as <code className="font-mono">Authorization: Bearer …</code> to any <code className="font-mono">/api/v1</code> address.</span>
          </AlertDescription>
        </Alert>
      )}
      <form key={state.status === "error" ? state.attempt : state.status} action={formAction} className="flex flex-col gap-4" noValidate>
        {state.status === "error" && <FormErrorSummary errors={errors} />}
        {state.status === "error" && Object.keys(errors).length === 0 && (
          <Alert variant="destructive">
            <AlertDescription>{state.message}</AlertDescription>
          </Alert>
        )}
        <Field label="Name" htmlFor="token-name" error={errors.name} required description="What uses it, e.g. “collection script on the review server”.">
          <Input id="token-name" name="name" maxLength={80} defaultValue={values.name} />
        </Field>
        <fieldset className="flex flex-col gap-2" aria-describedby={errors.matterIds ? "token-matters-error" : undefined}>
          <legend className="text-sm font-medium">Matters it may reach</legend>
          {matters.map((m) => (
            <div key={m.id} className="flex items-center gap-2">
              <Checkbox id={`token-matter-${m.id}`} name="matterIds" value={m.id} aria-invalid={errors.matterIds ? true : undefined} />
              <Label htmlFor={`token-matter-${m.id}`} className="font-normal">
                {m.shortName} <span className="text-muted-foreground">— {m.caption}</span>
              </Label>
            </div>
          ))}
          {errors.matterIds && (
            <p id="token-matters-error" className="text-sm text-destructive">
              {errors.matterIds.join(" ")}
            </p>
          )}
        </fieldset>
        <Field label="Access" htmlFor="token-access" error={errors.access} required>
          <Select id="token-access" name="access" defaultValue={values.access ?? "READ"} containerClassName="w-auto inline-grid">
            {API_TOKEN_ACCESS.map((a) => (
              <option key={a} value={a}>
                {API_TOKEN_ACCESS_LABELS[a]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Expires after" htmlFor="token-days" error={errors.expiresInDays} required>
          <Select id="token-days" name="expiresInDays" defaultValue={values.expiresInDays ?? "90"} containerClassName="w-auto inline-grid">
            {LIFETIMES.map((d) => (
              <option key={d} value={d}>
                {d === 366 ? "1 year" : `${d} days`}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={pending} className="self-start">
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
    </div>
  );
}

export function RevokeApiTokenForm({ action, tokenId, name }: { action: Action; tokenId: string; name: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending} aria-label={`Revoke ${name}`}>
        {pending ? "Revoking…" : "Revoke"}
      </Button>
      {state.status === "error" && <span className="text-sm text-destructive">{state.message}</span>}
    </form>
  );
}
