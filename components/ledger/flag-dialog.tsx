"use client";

import { Flag } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useDialogAction, type DialogAction } from "@/components/ledger/use-dialog-action";

export function FlagDialog({ action, flagged }: { action: DialogAction; flagged: boolean }) {
  const d = useDialogAction(action);
  return (
    <Dialog open={d.open} onOpenChange={d.setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">
          <Flag aria-hidden /> {flagged ? "Change flag" : "Flag"}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Flag this allegation</DialogTitle>
          <DialogDescription>
            “Unsupported” marks a gap to chase; it clears itself when a non-privileged supporting exhibit is linked. “Weak support”
            holds the status at Partial until someone clears the flag.
          </DialogDescription>
        </DialogHeader>
        <form key={d.formKey} action={d.formAction} className="grid gap-4" noValidate>
          <Field label="Flag" htmlFor="severity" error={d.errors.severity} required>
            <Select id="severity" name="severity" defaultValue={d.values.severity ?? "UNSUPPORTED"}>
              <option value="UNSUPPORTED">Unsupported</option>
              <option value="WEAK">Weak support</option>
            </Select>
          </Field>
          <Field label="Why" htmlFor="flag-reason" error={d.errors.reason} required description="Kept in the audit log and shown on the ledger.">
            <Textarea id="flag-reason" name="reason" rows={3} defaultValue={d.values.reason} />
          </Field>
          <DialogFooter>
            <Button type="submit" disabled={d.pending}>
              {d.pending ? "Saving…" : "Flag allegation"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
