"use client";

import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
const LIFETIMES = [7, 30, 90, 180, 366] as const;

// A claim feed's token: a name and a lifetime, and (for administrators, who are on no team) the
// matter. Shown once, with the one address it works on.
export function CreateServiceTokenForm({ action, matters, claimPath }: { action: Action; matters?: { id: string; label: string }[]; claimPath?: string }) {
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
              <code data-testid="new-service-token" className="break-all rounded-md border border-border bg-subtle px-2 py-1 font-mono text-sm">
                {state.reveal[0]}
              </code>
              <CopyButton value={state.reveal[0]!} label="Copy the token" />
            </span>
            <span className="mt-2 block">
              The feed sends it as <code className="font-mono">Authorization: Bearer …</code> with each claim to{" "}
              <code className="font-mono">{claimPath ?? "POST /api/v1/claims/<matter slug>"}</code>; it works nowhere else.
            </span>
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
        {matters && (
          <Field label="Matter" htmlFor="feed-matter" error={errors.matterId} required>
            <Select id="feed-matter" name="matterId" defaultValue={values.matterId ?? ""} containerClassName="w-auto inline-grid">
              <option value="">Choose a matter…</option>
              {matters.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label="Name" htmlFor="feed-name" error={errors.name} required description="Who sends the claims, e.g. “Notice administrator (Epiq)”.">
          <Input id="feed-name" name="name" maxLength={80} defaultValue={values.name} />
        </Field>
        <Field label="Expires after" htmlFor="feed-days" error={errors.expiresInDays} required>
          <Select id="feed-days" name="expiresInDays" defaultValue={values.expiresInDays ?? "90"} containerClassName="w-auto inline-grid">
            {LIFETIMES.map((d) => (
              <option key={d} value={d}>
                {d === 366 ? "1 year" : `${d} days`}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={pending} className="self-start">
          {pending ? "Creating…" : "Create claim-feed token"}
        </Button>
      </form>
    </div>
  );
}
