"use client";

import { useActionState, useState } from "react";
import { FileCheck2, Lock, PackageCheck } from "lucide-react";
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
import { Textarea } from "@/components/ui/textarea";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type ProducibleExhibit = { id: string; label: string; title: string; kind: string; privileged: boolean; pages: string; produced: string };

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  exhibits: ProducibleExhibit[];
  canProducePrivileged: boolean;
  nextBates: string;
  submissionKey: string;
  // The FRE 902(14) draft for the ticked exhibits: this URL + ?ids=…
  certificationUrl: string;
};

const LABELS = { name: "Production name", exhibitIds: "Exhibits", privilegeOverrideReason: "Reason for producing privileged exhibits" };

export function ProductionForm({ action, exhibits, canProducePrivileged, nextBates, submissionKey, certificationUrl }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "_form"));
  const privilegedChosen = exhibits.filter((e) => chosen.has(e.id) && e.privileged);
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
            {canProducePrivileged ? "Producing it waives nothing only if you say why: give the reason below." : "Only an attorney can produce privileged exhibits; untick them."}
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
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Produce {chosen.size} exhibit{chosen.size === 1 ? "" : "s"}?</DialogTitle>
            <DialogDescription>
              Bates numbers start at {nextBates} and are never reused. Each PDF page is stamped into a new copy; originals stay as collected. The production is recorded in each exhibit&apos;s custody log.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button type="submit" form="production-form">
              Stamp and produce
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </form>
  );
}
