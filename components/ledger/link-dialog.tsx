"use client";

import { Link2 } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { ExhibitFinder, type LinkableMatch } from "@/components/ledger/exhibit-finder";
import { useDialogAction, type DialogAction } from "@/components/ledger/use-dialog-action";

export type OpenRequest = { id: string; description: string };

type Props = {
  action: DialogAction;
  submissionKey: string;
  matterId: string;
  // The newest exhibits, offered before anything is typed; the finder searches the rest.
  exhibits: LinkableMatch[];
  openRequests: OpenRequest[];
  // Opened from a request's "Fulfil" button: that request is preselected.
  requestId?: string;
  triggerLabel?: string;
};

const LABELS = { exhibitId: "Exhibit", relation: "Relation", pinCite: "Pin cite", excerpt: "Excerpt", note: "Note", requestId: "Answers request" };

export function LinkDialog({ action, submissionKey, matterId, exhibits, openRequests, requestId, triggerLabel = "Link exhibit" }: Props) {
  const d = useDialogAction(action);
  const fieldErrors = Object.fromEntries(Object.entries(d.errors).filter(([k]) => k !== "_form"));
  return (
    <Dialog open={d.open} onOpenChange={d.setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant={requestId ? "outline" : "default"}>
          <Link2 aria-hidden /> {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>Link an exhibit</DialogTitle>
          <DialogDescription>
            Only this matter&apos;s exhibits are offered. A privileged exhibit can support an allegation only partially: it cannot be used as proof.
          </DialogDescription>
        </DialogHeader>
        {exhibits.length === 0 ? (
          <Alert>
            <AlertDescription>This matter has no exhibits yet. Add exhibits first, then link them here.</AlertDescription>
          </Alert>
        ) : (
          <form key={d.formKey} action={d.formAction} className="grid gap-4" noValidate>
            <input type="hidden" name="submissionKey" value={submissionKey} />
            <FormErrorSummary errors={fieldErrors} labels={LABELS} formErrors={d.errors._form} />
            {d.message && (
              <Alert variant="destructive">
                <AlertDescription>{d.message}</AlertDescription>
              </Alert>
            )}
            <ExhibitFinder matterId={matterId} initial={exhibits} defaultValue={d.values.exhibitId} error={d.errors.exhibitId} />
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label={LABELS.relation} htmlFor="relation" error={d.errors.relation} required>
                <Select id="relation" name="relation" defaultValue={d.values.relation ?? "SUPPORTS"}>
                  <option value="SUPPORTS">Supports</option>
                  <option value="CONTRADICTS">Contradicts</option>
                  <option value="CONTEXT">Context</option>
                </Select>
              </Field>
              <Field
                className="sm:col-span-2"
                label={LABELS.pinCite}
                htmlFor="pinCite"
                error={d.errors.pinCite}
                description="Page and line (p. 4:12–18), a timestamp (00:01:32) or a HAR entry (entry 214)."
              >
                <Input id="pinCite" name="pinCite" defaultValue={d.values.pinCite} />
              </Field>
            </div>
            <Field label={LABELS.excerpt} htmlFor="excerpt" error={d.errors.excerpt}>
              <Textarea id="excerpt" name="excerpt" rows={3} defaultValue={d.values.excerpt} />
            </Field>
            <Field label={LABELS.note} htmlFor="note" error={d.errors.note}>
              <Textarea id="note" name="note" rows={2} defaultValue={d.values.note} />
            </Field>
            {openRequests.length > 0 && (
              <Field label={LABELS.requestId} htmlFor="requestId" error={d.errors.requestId} description="Linking fulfils the chosen request.">
                <Select id="requestId" name="requestId" defaultValue={d.values.requestId ?? requestId ?? ""}>
                  <option value="">None</option>
                  {openRequests.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.description.length > 80 ? `${r.description.slice(0, 80)}…` : r.description}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <DialogFooter>
              <Button type="submit" disabled={d.pending}>
                {d.pending ? "Linking…" : "Link exhibit"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
