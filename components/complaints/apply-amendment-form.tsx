"use client";

import { useActionState, useState } from "react";
import { CheckCircle2, ListRestart } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Mono } from "@/components/ui/mono";
import { IDLE, type ActionState } from "@/lib/action-state";

export type AmendmentSummary = {
  // Pending ¶s that matched a live allegation: all of them are applied together.
  applicable: number;
  renumbered: number;
  reworded: number;
  unchanged: number;
  duplicateLabels: string[];
  // Live allegations holding a label a matched ¶ takes, and which none of them moves.
  holders: { id: string; paragraphLabel: string }[];
};

export type RemovedAllegation = { id: string; label: string; text: string; href: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// The amended complaint's matched ¶s are applied in one step (so ¶ 37→38 and ¶ 38→39 can both
// happen), together with the removed allegations the reviewer ticks to withdraw. The summary says
// what will change before anything does; the confirm step repeats it.
export function ApplyAmendmentForm({
  action,
  summary,
  removed,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  summary: AmendmentSummary;
  removed: RemovedAllegation[];
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const holderIds = new Set(summary.holders.map((h) => h.id));
  const removedIds = new Set(removed.map((r) => r.id));
  // Holders that are not on the removed list cannot be withdrawn here: the ¶ that takes their number is reviewed on its own.
  const blocking = summary.holders.filter((h) => !removedIds.has(h.id));
  const mustTick = removed.filter((r) => holderIds.has(r.id) && !ticked.has(r.id));
  const blocked = summary.duplicateLabels.length > 0 || blocking.length > 0 || mustTick.length > 0;
  // Ticks of allegations already withdrawn (the page re-rendered after applying) count for nothing.
  const withdrawing = [...ticked].filter((id) => removedIds.has(id)).length;
  const nothing = summary.applicable === 0 && withdrawing === 0;
  const errors = state.status === "error" ? [...Object.values(state.fieldErrors).flat()] : [];
  const toggle = (id: string) =>
    setTicked((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const changes = `${plural(summary.renumbered, "allegation")} renumbered, ${plural(summary.reworded, "allegation")} reworded, ${plural(withdrawing, "allegation")} withdrawn`;

  return (
    <section aria-labelledby="amendment-title" className="grid gap-3 rounded-md border border-border p-4" data-testid="apply-amendment" data-print="hide">
      <h2 id="amendment-title" className="text-base font-semibold">
        Apply the amended complaint
      </h2>
      <p className="text-sm" data-testid="amendment-summary">
        {summary.applicable > 0 ? (
          <>
            {plural(summary.applicable, "¶ of this complaint matches", "¶s of this complaint match")} an allegation in the ledger. Applied together:{" "}
            <strong>{summary.renumbered} renumbered</strong>, <strong>{summary.reworded} reworded</strong>, {summary.unchanged} with the same number and words (their pin cites follow the new pages). Each allegation keeps its evidence links. New ¶s stay below for review one by one.
          </>
        ) : (
          "Every matched ¶ is already in the ledger."
        )}
      </p>
      {state.status === "success" && (
        <Alert variant="success" icon={<CheckCircle2 aria-hidden />}>
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      {state.status === "error" && (
        <Alert variant="destructive">
          <AlertDescription>{errors.length ? errors.join(" ") : state.message}</AlertDescription>
        </Alert>
      )}
      {summary.duplicateLabels.length > 0 && (
        <Alert variant="warning">
          <AlertDescription>
            More than one ¶ of this complaint is labelled {summary.duplicateLabels.map((l) => `¶ ${l}`).join(", ")}: drop or relabel one below first.
          </AlertDescription>
        </Alert>
      )}
      {blocking.length > 0 && (
        <Alert variant="warning">
          <AlertDescription>
            {blocking.map((b) => `¶ ${b.paragraphLabel}`).join(", ")} {blocking.length === 1 ? "is" : "are"} held by an allegation that a ¶ of this complaint takes the number of, and that
            this amendment neither moves nor can withdraw. Review the ¶ that takes {blocking.length === 1 ? "it" : "them"} on its own first.
          </AlertDescription>
        </Alert>
      )}
      <form
        key={state.status === "error" ? state.attempt : "initial"}
        id="apply-amendment-form"
        action={(form) => {
          setConfirming(false);
          formAction(form);
        }}
        className="grid gap-3"
        noValidate
      >
        {removed.length > 0 && (
          <fieldset className="grid gap-1">
            <legend className="mb-1 text-sm font-medium">
              Ledger allegations not in this complaint ({removed.length}): tick the ones the amendment removed to withdraw them
            </legend>
            <p className="text-xs text-muted-foreground">A withdrawn allegation leaves the ledger, the gap report and the coverage counts; its links and history are kept, and its number is free for a new ¶.</p>
            <ul className="max-h-72 divide-y overflow-y-auto rounded-md border text-sm">
              {removed.map((r) => (
                <li key={r.id} className="flex items-start gap-2 px-3 py-1.5" data-testid="removed-allegation">
                  <Checkbox id={`withdraw-${r.id}`} name="withdraw" value={r.id} checked={ticked.has(r.id)} onChange={() => toggle(r.id)} className="mt-0.5" />
                  <label htmlFor={`withdraw-${r.id}`} className="grid min-w-0 flex-1 gap-0.5">
                    <span className="flex flex-wrap items-center gap-2">
                      <Mono className="font-medium">¶ {r.label}</Mono>
                      {holderIds.has(r.id) && <Badge variant="warning">A ¶ of this complaint takes this number: withdraw it to apply</Badge>}
                    </span>
                    <span className="line-clamp-2 text-muted-foreground" title={r.text}>
                      {r.text}
                    </span>
                  </label>
                  <a href={r.href} className="text-xs text-primary underline">
                    Open
                  </a>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <p className="text-sm" aria-live="polite" data-testid="amendment-changes">
          Will change: {changes}.
        </p>
        <div>
          <Button type="button" disabled={blocked || nothing || pending} onClick={() => setConfirming(true)}>
            <ListRestart aria-hidden /> {pending ? "Applying…" : "Apply the amendment…"}
          </Button>
        </div>
        <Dialog open={confirming} onOpenChange={setConfirming}>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>Apply the amended complaint?</DialogTitle>
              <DialogDescription>
                In one step: {changes}. {summary.applicable > 0 && `${plural(summary.applicable, "matched ¶")} will be marked accepted. `}
                The audit log keeps each allegation&apos;s old number and words.
              </DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button type="submit" form="apply-amendment-form">
                Apply
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      </form>
    </section>
  );
}
