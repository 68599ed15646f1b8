import type { Metadata } from "next";
import Link from "next/link";
import { ArrowDown, ArrowUp, FileInput, Flag, ListChecks, Plus } from "lucide-react";
import { countLabel, elementLabel } from "@/lib/ledger/labels";
import { LedgerFilters } from "@/components/ledger/ledger-filters";
import { StatusWhy } from "@/components/ledger/status-why";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ALLEGATION_KIND_LABELS, FLAG_LABELS } from "@/lib/schemas/allegation";
import { listCounts } from "@/lib/server/counts/list-counts";
import type { TLedgerQuery } from "@/lib/server/ledger/ledger-filters";
import { listLedger } from "@/lib/server/ledger/list-ledger";
import { explainStatus } from "@/lib/server/ledger/support-status";
import { loadOr404, pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Allegations" };

type Search = Record<string, string | string[] | undefined>;

export default async function LedgerPage({ params, searchParams }: { params: Promise<{ matterId: string }>; searchParams: Promise<Search> }) {
  const { matterId } = await params;
  const search = await searchParams;
  const actor = await pageActor();
  const ledger = await loadOr404(() => listLedger(actor, matterId, search));
  const counts = await listCounts(actor, matterId);
  const basePath = `/matters/${matterId}/allegations`;
  const { query } = ledger;
  const filtered = ["status", "kind", "element", "flagged", "request", "country", "q", "withdrawn"].some((k) => query[k as keyof TLedgerQuery]);
  const href = (patch: Partial<Record<keyof TLedgerQuery, string | number | undefined>>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...patch })) if (v !== undefined && v !== "") next.set(k, String(v));
    const s = next.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const sortHeader = (key: NonNullable<TLedgerQuery["sort"]>, label: string) => {
    const active = (query.sort ?? "paragraph") === key;
    const dir = active && query.dir !== "desc" ? "desc" : "asc";
    return (
      <TableHead aria-sort={active ? (query.dir === "desc" ? "descending" : "ascending") : undefined}>
        <Link href={href({ sort: key, dir, page: undefined })} className="inline-flex items-center gap-1 hover:text-foreground">
          {label}
          {active && (query.dir === "desc" ? <ArrowDown aria-hidden className="size-3" /> : <ArrowUp aria-hidden className="size-3" />)}
        </Link>
      </TableHead>
    );
  };
  const pages = Math.max(1, Math.ceil(ledger.total / ledger.pageSize));
  const addButton = (
    <div className="flex gap-2">
      <Button asChild variant="outline">
        <Link href={`${basePath}/import`}>
          <FileInput aria-hidden /> Import from complaint
        </Link>
      </Button>
      <Button asChild>
        <Link href={`${basePath}/new`}>
          <Plus aria-hidden /> Add allegation
        </Link>
      </Button>
    </div>
  );

  return (
    <div>
      <PageHeader
        title="Allegations"
        description="Every allegation of the complaint with the evidence that proves, contradicts or is still missing for it. Status is derived from the links; expand a status to see why."
        actions={addButton}
      />
      <LedgerFilters
        basePath={basePath}
        values={{ ...query, page: undefined }}
        countries={ledger.countries}
        counts={counts.map((c) => ({
          id: c.id,
          label: `${countLabel(c.number)} — ${c.title}`,
          elements: c.elements.map((e) => ({ id: e.id, label: `${elementLabel(`${c.number}.${e.position}`)} ${e.text}` })),
        }))}
      />
      <p className="mb-2 text-sm text-muted-foreground" aria-live="polite" data-testid="ledger-total">
        {ledger.total} allegation{ledger.total === 1 ? "" : "s"}
        {filtered && " match these filters"}
      </p>
      {ledger.total === 0 ? (
        <EmptyState
          icon={<ListChecks />}
          title={filtered ? "No allegation matches these filters" : "No allegations yet"}
          description={filtered ? "Clear a filter to see more." : "Record the complaint's allegations, paragraph by paragraph, then link the evidence for each."}
          action={filtered ? <Button asChild variant="outline"><Link href={basePath}>Clear filters</Link></Button> : addButton}
        />
      ) : (
        <Table stickyHeader scrollLabel="Allegations ledger">
          <TableHeader>
            <TableRow>
              {sortHeader("paragraph", "¶")}
              {sortHeader("status", "Status")}
              <TableHead>Allegation</TableHead>
              {sortHeader("kind", "Kind")}
              <TableHead>Elements</TableHead>
              {sortHeader("country", "Destination")}
              {sortHeader("flag", "Flag")}
              {sortHeader("requests", "Requests")}
            </TableRow>
          </TableHeader>
          <TableBody>
            {ledger.rows.map((r) => (
              <TableRow key={r.id} data-testid="ledger-row" data-paragraph={r.paragraph} data-status={r.status} data-withdrawn={r.withdrawnAt ? "" : undefined}>
                <TableCell>
                  <Link href={`${basePath}/${r.id}`} className="font-mono font-medium text-primary hover:underline" aria-label={`Open ¶ ${r.label}${r.withdrawnAt ? " (withdrawn)" : ""}`}>
                    ¶&nbsp;{r.label}
                  </Link>
                  {r.withdrawnAt && (
                    <Badge variant="neutral" className="ml-1">
                      Withdrawn
                    </Badge>
                  )}
                </TableCell>
                <TableCell>
                  <StatusWhy
                    status={r.status}
                    summary={explainStatus(r)}
                    links={r.statusLinks.map((l) => ({ relation: l.relation, label: l.label, title: l.title, privileged: l.privilege !== "NONE", pinCite: l.pinCite }))}
                  />
                </TableCell>
                <TableCell className="max-w-xl min-w-72">
                  <p className="line-clamp-2" title={r.text}>
                    {r.text}
                  </p>
                </TableCell>
                <TableCell className="whitespace-nowrap">{ALLEGATION_KIND_LABELS[r.kind]}</TableCell>
                <TableCell className="font-mono text-xs">{r.elements.map(elementLabel).join(" ") || "—"}</TableCell>
                <TableCell className="text-xs">
                  {r.destinationHost ? (
                    <>
                      <Mono>{r.destinationHost}</Mono>
                      {r.destinationCountry && <span className="ml-1 font-medium">{r.destinationCountry}</span>}
                      {r.recipientOrg && <div className="text-muted-foreground">{r.recipientOrg}</div>}
                    </>
                  ) : (
                    "—"
                  )}
                </TableCell>
                <TableCell>
                  {r.flagSeverity ? (
                    <span className="inline-flex items-center gap-1 text-xs font-medium" title={r.flagReason ?? undefined}>
                      <Flag aria-hidden className="size-3.5 text-warning" /> {FLAG_LABELS[r.flagSeverity]}
                    </span>
                  ) : (
                    <span className="sr-only">Not flagged</span>
                  )}
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {r.openRequests > 0 ? (
                    <span className="inline-flex items-center gap-1 text-xs">
                      {r.openRequests} open
                      {r.overdueRequests > 0 && <Badge variant="warning">{r.overdueRequests} overdue</Badge>}
                    </span>
                  ) : (
                    <span className="text-xs text-muted-foreground">—</span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
          {ledger.page > 1 && <Link href={href({ page: ledger.page - 1 })} className="text-primary hover:underline">← Previous</Link>}
          <span>
            Page {ledger.page} of {pages}
          </span>
          {ledger.page < pages && <Link href={href({ page: ledger.page + 1 })} className="text-primary hover:underline">Next →</Link>}
        </nav>
      )}
    </div>
  );
}
