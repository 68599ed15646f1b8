"use client";

import { useActionState } from "react";
import { Check, Combine, Scissors, X } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Mono } from "@/components/ui/mono";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { IDLE, type ActionState } from "@/lib/action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export type ProposalView = {
  id: string;
  label: string;
  pinCite: string;
  heading: string | null;
  count: string | null;
  text: string;
  kind: string;
  kindLabel: string;
  decision: "PENDING" | "ACCEPTED" | "DROPPED" | "MERGED";
  change: "ADDED" | "UNCHANGED" | "RENUMBERED" | "REWORDED";
  matched: { label: string; text: string } | null;
  similarity: number | null;
  transfer: string | null;
  destinationHost: string | null;
  allegationHref: string | null;
  // The matter's count the ¶ sits under, with its elements to tie it to.
  countElements: { title: string; elements: { id: string; label: string }[] } | null;
};

const CHANGE_TEXT: Record<ProposalView["change"], string> = {
  ADDED: "New ¶",
  UNCHANGED: "Same as the ledger",
  RENUMBERED: "Renumbered",
  REWORDED: "Reworded",
};
const DECISION_TEXT = { PENDING: "To review", ACCEPTED: "Accepted", DROPPED: "Dropped", MERGED: "Merged into the ¶ before" } as const;

function Message({ state }: { state: ActionState }) {
  if (state.status !== "error") return null;
  const details = Object.values(state.fieldErrors).flat();
  return (
    <Alert variant="destructive">
      <AlertDescription>{details.length ? details.join(" ") : state.message}</AlertDescription>
    </Alert>
  );
}

// One proposed ¶ beside its page: the reviewer accepts it (editing label, kind, text or host
// first), drops it, merges it into the ¶ before it, or splits it in two.
export function ProposalCard({
  proposal: p,
  kinds,
  canWrite,
  actions,
}: {
  proposal: ProposalView;
  kinds: { value: string; label: string }[];
  canWrite: boolean;
  actions: { accept: Action; drop: Action; merge: Action; split: Action };
}) {
  const [accepted, accept, accepting] = useActionState(actions.accept, IDLE);
  const [dropped, drop, dropping] = useActionState(actions.drop, IDLE);
  const [merged, merge, merging] = useActionState(actions.merge, IDLE);
  const [splitState, split, splitting] = useActionState(actions.split, IDLE);
  const pending = p.decision === "PENDING";
  const busy = accepting || dropping || merging || splitting;
  const id = (name: string) => `${name}-${p.id}`;

  return (
    <article className="grid gap-2 rounded-md border border-border p-3" data-testid="proposal" data-label={p.label} data-decision={p.decision} aria-labelledby={id("title")}>
      <header className="flex flex-wrap items-center gap-2">
        <h3 id={id("title")} className="font-mono text-sm font-semibold">
          ¶ {p.label}
        </h3>
        <Mono className="text-xs text-muted-foreground">{p.pinCite}</Mono>
        <Badge variant={p.decision === "ACCEPTED" ? "info" : p.decision === "PENDING" ? "outline" : "neutral"}>{DECISION_TEXT[p.decision]}</Badge>
        {p.change !== "ADDED" && <Badge variant="warning">{CHANGE_TEXT[p.change]}{p.similarity !== null && p.change !== "UNCHANGED" ? ` · ${Math.round(p.similarity * 100)}% alike` : ""}</Badge>}
        {p.count && <Badge variant="neutral">{p.count}</Badge>}
        {p.allegationHref && (
          <a href={p.allegationHref} className="text-xs text-primary underline">
            Open allegation
          </a>
        )}
      </header>
      {p.heading && <p className="text-xs text-muted-foreground">Under “{p.heading}”</p>}
      {p.matched && p.change !== "UNCHANGED" && (
        <p className="text-xs text-muted-foreground">
          Matches ledger ¶ <Mono>{p.matched.label}</Mono>: “{p.matched.text.slice(0, 160)}
          {p.matched.text.length > 160 ? "…" : ""}”
        </p>
      )}
      {pending && canWrite ? (
        <>
          <form key={accepted.status === "error" ? accepted.attempt : "initial"} action={accept} className="grid gap-2" noValidate>
            <Message state={accepted} />
            <div className="grid grid-cols-[6rem_1fr] gap-2">
              <Field label="¶ label" htmlFor={id("label")}>
                <Input id={id("label")} name="label" defaultValue={accepted.status === "error" ? accepted.values.label : p.label} className="font-mono" />
              </Field>
              <Field label="Kind" htmlFor={id("kind")}>
                <Select id={id("kind")} name="kind" defaultValue={accepted.status === "error" ? accepted.values.kind : p.kind}>
                  {kinds.map((k) => (
                    <option key={k.value} value={k.value}>
                      {k.label}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <Field label="Text" htmlFor={id("text")}>
              <Textarea id={id("text")} name="text" rows={Math.min(8, Math.max(3, Math.ceil(p.text.length / 90)))} defaultValue={accepted.status === "error" ? accepted.values.text : p.text} />
            </Field>
            {p.transfer && <p className="text-xs text-muted-foreground">Proposed transfer: {p.transfer}</p>}
            {p.countElements && p.countElements.elements.length > 0 && (
              <fieldset className="grid gap-1">
                <legend className="text-sm font-medium">Elements of {p.countElements.title} it serves</legend>
                {p.countElements.elements.map((e) => (
                  <label key={e.id} className="flex items-start gap-2 text-sm">
                    <input type="checkbox" name="elementIds" value={e.id} className="mt-1" />
                    <span>{e.label}</span>
                  </label>
                ))}
              </fieldset>
            )}
            {!p.matched && (
              <Field label="Destination host (data transfers)" htmlFor={id("host")} description="Where a DATA_TRANSFER ¶ says the data went.">
                <Input id={id("host")} name="destinationHost" defaultValue={accepted.status === "error" ? accepted.values.destinationHost : (p.destinationHost ?? "")} className="font-mono" />
              </Field>
            )}
            <div>
              <Button type="submit" size="sm" disabled={busy}>
                <Check aria-hidden /> {p.matched ? `Accept, updating ledger ¶ ${p.matched.label}` : "Accept into the ledger"}
              </Button>
            </div>
          </form>
          <div className="flex flex-wrap items-start gap-2 border-t border-border pt-2">
            <form action={drop} className="flex items-center gap-2">
              <Input aria-label={`Reason for dropping ¶ ${p.label}`} name="reason" placeholder="Reason (optional)" className="h-8 w-48" />
              <Button type="submit" size="sm" variant="outline" disabled={busy}>
                <X aria-hidden /> Drop
              </Button>
            </form>
            <form action={merge}>
              <Button type="submit" size="sm" variant="outline" disabled={busy}>
                <Combine aria-hidden /> Merge into ¶ before
              </Button>
            </form>
            <form action={split} className="flex items-center gap-2">
              <Input aria-label={`Split ¶ ${p.label} after character`} name="at" inputMode="numeric" placeholder="after char #" className="h-8 w-28" />
              <Input aria-label={`Label of the second part of ¶ ${p.label}`} name="label" placeholder="new ¶ label" className="h-8 w-28 font-mono" />
              <Button type="submit" size="sm" variant="outline" disabled={busy}>
                <Scissors aria-hidden /> Split
              </Button>
            </form>
          </div>
          <Message state={dropped} />
          <Message state={merged} />
          <Message state={splitState} />
        </>
      ) : (
        <p className="text-sm whitespace-pre-line">{p.text}</p>
      )}
    </article>
  );
}
