"use client";

import { useMemo, useState } from "react";
import { ArrowDown, ArrowUp, FileDown } from "lucide-react";
import { DesignationBadges } from "@/components/exhibits/designation-badges";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Mono } from "@/components/ui/mono";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { EXHIBIT_LIST_SIDE_LABELS, EXHIBIT_LIST_SIDES } from "@/lib/schemas/reports";

export type ListableExhibit = { number: number; label: string; title: string; confidentiality: string; privilege: string };

type Props = { exhibits: ListableExhibit[]; exportBase: string; canIncludePrivileged: boolean };

// Chooses the exhibits of an AO 187 list and their order. Privileged exhibits start unticked and
// only an attorney can tick them. Order is changed with the Up/Down buttons (keyboard and pointer
// alike); the download links carry the choice as exhibit numbers in order.
export function ExhibitListBuilder({ exhibits, exportBase, canIncludePrivileged }: Props) {
  const [order, setOrder] = useState(() => exhibits.map((e) => e.number));
  const [chosen, setChosen] = useState(() => new Set(exhibits.filter((e) => e.privilege === "NONE").map((e) => e.number)));
  const [side, setSide] = useState<(typeof EXHIBIT_LIST_SIDES)[number]>("plaintiff");
  const byNumber = useMemo(() => new Map(exhibits.map((e) => [e.number, e])), [exhibits]);
  const picked = order.filter((n) => chosen.has(n));
  const query = new URLSearchParams({ exhibits: picked.join(","), side }).toString();
  const privilegedPicked = picked.filter((n) => byNumber.get(n)!.privilege !== "NONE");

  const move = (index: number, by: -1 | 1) =>
    setOrder((o) => {
      const next = [...o];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  const toggle = (n: number, on: boolean) =>
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(n);
      else next.delete(n);
      return next;
    });

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end gap-3" data-print="hide">
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Whose list</span>
          <Select value={side} onChange={(e) => setSide(e.target.value as typeof side)} aria-label="Whose list">
            {EXHIBIT_LIST_SIDES.map((s) => (
              <option key={s} value={s}>
                {EXHIBIT_LIST_SIDE_LABELS[s]}
              </option>
            ))}
          </Select>
        </label>
        <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="list-summary">
          {picked.length} of {exhibits.length} exhibits on the list{privilegedPicked.length ? `, ${privilegedPicked.length} privileged` : ""}.
        </p>
        <div className="ml-auto flex gap-2">
          <Button asChild size="sm" aria-disabled={picked.length === 0}>
            <a href={`${exportBase}/exhibit-list.pdf?${query}`} data-testid="exhibit-list-pdf">
              <FileDown aria-hidden /> Exhibit list PDF
            </a>
          </Button>
          <Button asChild size="sm" variant="outline" aria-disabled={picked.length === 0}>
            <a href={`${exportBase}/exhibit-list.csv?${query}`} data-testid="exhibit-list-csv">
              <FileDown aria-hidden /> CSV
            </a>
          </Button>
        </div>
      </div>
      {privilegedPicked.length > 0 && (
        <Alert variant="warning">
          <AlertDescription>
            Privileged exhibits are on this list ({privilegedPicked.map((n) => byNumber.get(n)!.label).join(", ")}): their titles and descriptions will be printed. Filing or serving the
            list may disclose privileged matter.
          </AlertDescription>
        </Alert>
      )}
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-16">On list</TableHead>
            <TableHead className="w-16 text-right">Order</TableHead>
            <TableHead className="w-28">Exhibit</TableHead>
            <TableHead>Title</TableHead>
            <TableHead>Designation</TableHead>
            <TableHead className="w-28">Move</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {order.map((n, i) => {
            const e = byNumber.get(n)!;
            const privileged = e.privilege !== "NONE";
            const locked = privileged && !canIncludePrivileged;
            const position = chosen.has(n) ? picked.indexOf(n) + 1 : null;
            return (
              <TableRow key={n} data-testid="list-row" data-exhibit={e.label}>
                <TableCell>
                  <Checkbox
                    checked={chosen.has(n)}
                    disabled={locked}
                    onChange={(ev) => toggle(n, ev.target.checked)}
                    aria-label={`Put ${e.label} on the list`}
                    title={locked ? "Only an attorney can put a privileged exhibit on the list" : undefined}
                  />
                </TableCell>
                <TableCell className="text-right tabular-nums">{position ?? "—"}</TableCell>
                <TableCell>
                  <Mono>{e.label}</Mono>
                </TableCell>
                <TableCell className="max-w-md truncate" title={e.title}>
                  {e.title}
                  {locked && <div className="text-xs text-muted-foreground">Left out: only an attorney can list a privileged exhibit.</div>}
                </TableCell>
                <TableCell>
                  <DesignationBadges confidentiality={e.confidentiality} privilege={e.privilege} />
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <Button type="button" variant="ghost" size="icon" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${e.label} up`}>
                    <ArrowUp aria-hidden />
                  </Button>
                  <Button type="button" variant="ghost" size="icon" disabled={i === order.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${e.label} down`}>
                    <ArrowDown aria-hidden />
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
