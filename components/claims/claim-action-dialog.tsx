"use client";

import { useActionState, useState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { toast } from "@/components/ui/toaster";

type Props = {
  label: string;
  title: string;
  description: string;
  confirmLabel: string;
  destructive?: boolean;
  labels?: Record<string, string>;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  // The dialog's fields, rendered by the server page.
  children?: React.ReactNode;
};

// Every claim decision is confirmed in a dialog that asks for what the audit keeps.
export function ClaimActionDialog({ label, title, description, confirmLabel, destructive, labels, action, children }: Props) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const result = await action(prev, form);
    if (result.status === "success") {
      setOpen(false);
      toast.success(result.message);
    }
    return result;
  }, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={destructive ? "outline" : "default"}>{label}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form action={formAction} className="grid gap-4" noValidate>
          <FormErrorSummary errors={Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "_form"))} labels={labels} formErrors={errors._form} />
          {state.status === "error" && Object.keys(errors).length === 0 && (
            <Alert variant="destructive">
              <AlertDescription>{state.message}</AlertDescription>
            </Alert>
          )}
          {children}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={pending}>
              {pending ? "Saving…" : confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
