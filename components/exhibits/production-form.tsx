"use client";

import { useActionState, useState } from "react";
import { FileCheck2, Lock, PackageCheck, ShieldAlert } from "lucide-react";
import { protectiveOrderNote, waiverWarning, type RecordedOrders } from "@/lib/productions/waiver-notice";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type ProducibleExhibit = {
  id: string;
  label: string;
  title: string;
  kind: string;
  privileged: boolean;
  // Designation words as shown to people ("Attorney–client", "Highly confidential – AEO"); "" when none.
  privilege: string;
  confidentiality: string;
  confidential: boolean;
  pages: string;
  produced: string;
};

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  exhibits: ProducibleExhibit[];
  canProducePrivileged: boolean;
  nextBates: string;
  // The next default volume name (VOL002…).
  nextVolume: string;
  // The matter's recorded FRE 502(d) order and protective order, cited in the confirm step.
  orders: RecordedOrders;
  submissionKey: string;
  // The FRE 902(14) draft for the ticked exhibits: this URL + ?ids=…
  certificationUrl: string;
};

const LABELS = {
  name: "Production name",
  producedTo: "Produced to",
  volume: "Volume",
  images: "Page images",
  exhibitIds: "Exhibits",
  privilegeOverrideReason: "Reason for producing privileged exhibits",
};

export function ProductionForm({ action, exhibits, canProducePrivileged, nextBates, nextVolume, orders, submissionKey, certificationUrl }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "_form"));
  const privilegedChosen = exhibits.filter((e) => chosen.has(e.id) && e.privileged);
  const designatedChosen = exhibits.filter((e) => chosen.has(e.id) && (e.privileged || e.confidential));
  const confidentialChosen = designatedChosen.filter((e) => e.confidential);
  const blocked = privilegedChosen.length > 0 && !canProducePrivileged;
  const toggle = (id: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <form
      key={state.status === "error" ? state.attempt : "initial"}
      id="production-form"
      action={(form) => {
        setConfirming(false);
        formAction(form);
      }}
      className="grid gap-4"
      noValidate
    >
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <FormErrorSummary errors={fieldErrors} labels={LABELS} formErrors={errors._form} />
      {state.status === "error" && Object.keys(errors).length === 0 && (
        <Alert variant="destructive">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      <Field label={LABELS.name} htmlFor="name" error={errors.name} required description="e.g. “Plaintiffs' First Production (Volume 1)”">
        <Input id="name" name="name" className="max-w-lg" defaultValue={state.status === "error" ? state.values.name : ""} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={LABELS.producedTo} htmlFor="producedTo" error={errors.producedTo} description="Who receives it, for the production log (e.g. counsel for the defendant).">
          <Input id="producedTo" name="producedTo" defaultValue={state.status === "error" ? state.values.producedTo : ""} />
        </Field>
        <Field label={LABELS.volume} htmlFor="volume" error={errors.volume} description={`Names the load files (DATA/${nextVolume}.dat). Blank: ${nextVolume}.`}>
          <Input id="volume" name="volume" className="max-w-48 font-mono" placeholder={nextVolume} defaultValue={state.status === "error" ? state.values.volume : ""} />
        </Field>
      </div>
      <Field
        label={LABELS.images}
        htmlFor="images"
        error={errors.images}
        description="An image production also renders every produced page at 300 DPI into IMAGES/, and the OPT lists each page's image. Rendering runs in the background; the ZIP is ready when it finishes."
      >
        <Select id="images" name="images" containerClassName="max-w-lg" defaultValue={state.status === "error" ? (state.values.images ?? "NONE") : "NONE"}>
          <option value="NONE">None: searchable PDFs, DAT, OPT and text (default)</option>
          <option value="JPG">Image production: JPEG pages</option>
          <option value="TIFF">Image production: Group IV TIFF (black-and-white pages), JPEG for colour pages</option>
        </Select>
      </Field>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Exhibits to produce</legend>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-10">
                <span className="sr-only">Include</span>
              </TableHead>
              <TableHead className="w-24">No.</TableHead>
              <TableHead>Title</TableHead>
              <TableHead>Pages</TableHead>
              <TableHead>Already produced as</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {exhibits.map((e) => (
              <TableRow key={e.id}>
                <TableCell>
                  <Checkbox
                    id={`x-${e.id}`}
                    name="exhibitIds"
                    value={e.id}
                    checked={chosen.has(e.id)}
                    onChange={() => toggle(e.id)}
                    aria-label={`Include ${e.label}`}
                  />
                </TableCell>
                <TableCell>
                  <label htmlFor={`x-${e.id}`} className="font-mono">
                    {e.label}
                  </label>
                </TableCell>
                <TableCell>
                  {e.title}{" "}
                  {e.privileged && (
                    <Badge variant="lock" className="ml-1">
                      Privileged
                    </Badge>
                  )}
                  {e.confidentiality === "Highly confidential – AEO" && (
                    <Badge variant="lock" className="ml-1">
                      AEO
                    </Badge>
                  )}
                </TableCell>
                <TableCell>{e.pages}</TableCell>
                <TableCell className="font-mono text-xs">{e.produced}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </fieldset>
      {privilegedChosen.length > 0 && (
        <Alert variant="warning" icon={<Lock aria-hidden />}>
          <AlertDescription>
            {privilegedChosen.map((e) => e.label).join(", ")} {privilegedChosen.length === 1 ? "is" : "are"} privileged.{" "}
            {canProducePrivileged ? "Producing privileged material risks waiver; give the reason below (the audit log keeps it)." : "Only an attorney can produce privileged exhibits; untick them."}
          </AlertDescription>
        </Alert>
      )}
      {canProducePrivileged && privilegedChosen.length > 0 && (
        <Field label={LABELS.privilegeOverrideReason} htmlFor="privilegeOverrideReason" error={errors.privilegeOverrideReason} required>
          <Textarea id="privilegeOverrideReason" name="privilegeOverrideReason" rows={2} />
        </Field>
      )}
      {!canProducePrivileged && errors.privilegeOverrideReason && (
        <Alert variant="destructive">
          <AlertDescription>{errors.privilegeOverrideReason.join(" ")}</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        <Button disabled={chosen.size === 0 || pending} onClick={() => setConfirming(true)}>
          <PackageCheck aria-hidden /> {pending ? "Stamping…" : `Produce ${chosen.size} exhibit${chosen.size === 1 ? "" : "s"}`}
        </Button>
        {chosen.size > 0 && (
          <Button asChild variant="outline">
            <a href={`${certificationUrl}?ids=${[...chosen].join(",")}`}>
              <FileCheck2 aria-hidden /> Draft FRE 902(14) certification
            </a>
          </Button>
        )}
      </div>
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent className="max-w-2xl">
          <DialogHeader>
            <DialogTitle>Produce {chosen.size} exhibit{chosen.size === 1 ? "" : "s"}?</DialogTitle>
            <DialogDescription>
              Bates numbers start at {nextBates} and are never reused. Each PDF page is stamped into a new copy; files that cannot be stamped go out natively behind a stamped slip sheet; originals stay as collected. The production is recorded in each exhibit&apos;s custody log.
            </DialogDescription>
          </DialogHeader>
          {designatedChosen.length > 0 && (
            <div data-testid="confirm-designated">
              <h3 className="mb-1 text-sm font-semibold">
                Privileged and confidential items in this production ({designatedChosen.length})
              </h3>
              <ul className="max-h-48 divide-y overflow-y-auto rounded-md border text-sm">
                {designatedChosen.map((e) => (
                  <li key={e.id} className="flex flex-wrap items-center gap-2 px-3 py-1.5" data-testid="confirm-designated-item">
                    <span className="font-mono">{e.label}</span>
                    <span className="min-w-0 flex-1 truncate">{e.title}</span>
                    {e.privileged && <Badge variant="lock">{e.privilege}</Badge>}
                    {e.confidential && <Badge variant="outline">{e.confidentiality}</Badge>}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {privilegedChosen.length > 0 && (
            <Alert variant="warning" icon={<ShieldAlert aria-hidden />} data-testid="confirm-waiver">
              <AlertDescription>
                <p>{waiverWarning(orders)}</p>
                <p className="mt-1">
                  {canProducePrivileged
                    ? "Only an attorney may produce them; your reason and this notice are kept in the audit log."
                    : "Only an attorney can produce privileged exhibits: cancel and untick them."}
                </p>
              </AlertDescription>
            </Alert>
          )}
          {confidentialChosen.length > 0 && <p className="text-sm text-muted-foreground" data-testid="confirm-protective-order">{protectiveOrderNote(orders)}</p>}
          <DialogFooter>
            <Button variant="outline" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button type="submit" form="production-form" disabled={blocked}>
              {privilegedChosen.length > 0 ? "Produce, including privileged material" : "Stamp and produce"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </form>
  );
}
