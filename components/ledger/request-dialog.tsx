"use client";

import { FilePlus2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useDialogAction, type DialogAction } from "@/components/ledger/use-dialog-action";

type Props = {
  action: DialogAction;
  submissionKey: string;
  assignees: { id: string; name: string; role: string }[];
};

export function RequestDialog({ action, submissionKey, assignees }: Props) {
  const d = useDialogAction(action);
  return (
    <Dialog open={d.open} onOpenChange={d.setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">
          <FilePlus2 aria-hidden /> Request evidence
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Request evidence</DialogTitle>
          <DialogDescription>Say what would prove this allegation. Linking the exhibit that answers it fulfils the request.</DialogDescription>
        </DialogHeader>
        <form key={d.formKey} action={d.formAction} className="grid gap-4" noValidate>
          <input type="hidden" name="submissionKey" value={submissionKey} />
          <Field label="What is needed" htmlFor="description" error={d.errors.description} required>
            <Textarea id="description" name="description" rows={3} defaultValue={d.values.description} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Assignee" htmlFor="assigneeId" error={d.errors.assigneeId}>
              <Select id="assigneeId" name="assigneeId" defaultValue={d.values.assigneeId ?? ""}>
                <option value="">Unassigned</option>
                {assignees.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.role.toLowerCase()})
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Due" htmlFor="dueOn" error={d.errors.dueOn}>
              <Input id="dueOn" name="dueOn" type="date" defaultValue={d.values.dueOn} />
            </Field>
          </div>
          <DialogFooter>
            <Button type="submit" disabled={d.pending}>
              {d.pending ? "Saving…" : "Open request"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
