"use client";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useDialogAction, type DialogAction } from "@/components/ledger/use-dialog-action";

type Props = {
  action: DialogAction;
  triggerLabel: string;
  title: string;
  description: string;
  reasonLabel: string;
  submitLabel: string;
  destructive?: boolean;
};

// Confirms a step the audit must explain (unlink, cancel a request, clear a flag) and asks why.
export function ReasonDialog({ action, triggerLabel, title, description, reasonLabel, submitLabel, destructive }: Props) {
  const d = useDialogAction(action);
  return (
    <Dialog open={d.open} onOpenChange={d.setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form key={d.formKey} action={d.formAction} className="grid gap-4" noValidate>
          {d.message && (
            <Alert variant="destructive">
              <AlertDescription>{d.message}</AlertDescription>
            </Alert>
          )}
          <Field label={reasonLabel} htmlFor="reason" error={d.errors.reason} required description="Kept in the audit log.">
            <Textarea id="reason" name="reason" rows={3} defaultValue={d.values.reason} />
          </Field>
          <DialogFooter>
            <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={d.pending}>
              {d.pending ? "Saving…" : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
