"use client";

import { useActionState, useState } from "react";
import { Lock } from "lucide-react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { CONFIDENTIALITIES, CONFIDENTIALITY_LABELS, PRIVILEGE_LABELS, PRIVILEGES } from "@/lib/schemas/exhibit";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  current: { confidentiality: string; privilege: string; privilegeBasis: string | null };
  expectedUpdatedAt: string;
  label: string;
};

// Privilege and confidentiality changes have legal effect: confirmed here, with the reason the
// audit keeps. Only attorneys see this control (and the server refuses anyone else).
export function DesignationDialog({ action, current, expectedUpdatedAt, label }: Props) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const next = await action(prev, form);
    if (next.status === "success") setOpen(false);
    return next;
  }, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v = state.status === "error" ? state.values : { ...current, privilegeBasis: current.privilegeBasis ?? "" };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Lock aria-hidden /> Change designation
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Change the designation of {label}</DialogTitle>
          <DialogDescription>
            Privilege and confidentiality decide what may be produced and who may see it. The change and your reason go into the custody log.
          </DialogDescription>
        </DialogHeader>
        <form key={state.status === "error" ? state.attempt : "initial"} action={formAction} className="grid gap-4" noValidate>
          <input type="hidden" name="expectedUpdatedAt" value={expectedUpdatedAt} />
          {state.status === "error" && (
            <Alert variant="destructive">
              <AlertDescription>{state.message}</AlertDescription>
            </Alert>
          )}
          <Field label="Confidentiality" htmlFor="confidentiality" error={errors.confidentiality} required>
            <Select id="confidentiality" name="confidentiality" defaultValue={v.confidentiality}>
              {CONFIDENTIALITIES.map((c) => (
                <option key={c} value={c}>
                  {CONFIDENTIALITY_LABELS[c]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Privilege" htmlFor="privilege" error={errors.privilege} required>
            <Select id="privilege" name="privilege" defaultValue={v.privilege}>
              {PRIVILEGES.map((p) => (
                <option key={p} value={p}>
                  {PRIVILEGE_LABELS[p]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Basis for the privilege claim" htmlFor="privilegeBasis" error={errors.privilegeBasis} description="Required when privileged; it appears in the privilege log.">
            <Textarea id="privilegeBasis" name="privilegeBasis" rows={2} defaultValue={v.privilegeBasis} />
          </Field>
          <Field label="Reason for the change" htmlFor="reason" error={errors.reason} required>
            <Textarea id="reason" name="reason" rows={2} defaultValue={state.status === "error" ? state.values.reason : ""} />
          </Field>
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Confirm change"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
