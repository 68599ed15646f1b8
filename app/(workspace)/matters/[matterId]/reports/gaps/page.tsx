import type { Metadata } from "next";
import Link from "next/link";
import { Download, Flag, Printer } from "lucide-react";
import { Timestamp } from "@/components/ui/timestamp";
import { elementLabel } from "@/lib/ledger/labels";
import { PrintButton } from "@/components/ledger/print-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ALLEGATION_KIND_LABELS, FLAG_LABELS } from "@/lib/schemas/allegation";
import { GAP_PRINT_MAX, ZGapReportPageQuery } from "@/lib/schemas/gap-report";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";
import { getGapReport } from "@/lib/server/ledger/get-gap-report";
import { loadOr404, pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Gap report" };

export default async function GapReportPage({ params, searchParams }: { params: Promise<{ matterId: string }>; searchParams: Promise<RawSearchParams> }) {
  const { matterId } = await params;
  const actor = await pageActor();
  // A cursor that does not parse (hand-edited, cut off by a mail client) is dropped: the first page.
  const query = parseSearchParams(ZGapReportPageQuery, await searchParams);
  const whole = query.all === "1";
  const report = await loadOr404(() => getGapReport(actor, matterId, whole ? { limit: GAP_PRINT_MAX } : query));
  const { totals } = report;
  const base = `/matters/${matterId}/reports/gaps`;
  const tiles = [
    { key: "UNSUPPORTED", label: <StatusBadge status="UNSUPPORTED" />, value: totals.byStatus.UNSUPPORTED },
    { key: "CONTRADICTED", label: <StatusBadge status="CONTRADICTED" />, value: totals.byStatus.CONTRADICTED },
    { key: "PARTIAL", label: <StatusBadge status="PARTIAL" />, value: totals.byStatus.PARTIAL },
    { key: "flagged", label: <span className="inline-flex items-center gap-1"><Flag aria-hidden className="size-3" /> Flagged</span>, value: totals.flagged },
  ];
  const first = report.rows.at(0);
  const last = report.rows.at(-1);
  const paged = !whole && (report.previous !== null || report.next !== null);
  // Printing one page of a paged report would leave out the rest: the whole report is a link away.
  const printable = totals.gaps <= GAP_PRINT_MAX;
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        breadcrumb={<Link href={`/matters/${matterId}/reports`} className="hover:underline" data-print="hide">Reports</Link>}
        title="Gap report"
        description={
          <>
            <span className="italic">{report.matter.caption}</span>, No. {report.matter.docketNumber} · {totals.gaps} allegation
            {totals.gaps === 1 ? "" : "s"} not yet proven · generated <Timestamp value={report.generatedAt} />
          </>
        }
        actions={
          <div className="flex gap-2" data-print="hide">
            <Button asChild variant="outline">
              <a href={`/matters/${matterId}/reports/gaps.csv`} download>
                <Download aria-hidden /> CSV
              </a>
            </Button>
            {paged ? (
              printable && (
                <Button asChild>
                  <Link href={`${base}?all=1`}>
                    <Printer aria-hidden /> Whole report to print
                  </Link>
                </Button>
              )
            ) : (
              !(whole && report.next) && <PrintButton />
            )}
          </div>
        }
      />
      <dl className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="gap-totals">
        {tiles.map((t) => (
          <div key={t.key} className="rounded-lg border border-border p-3" data-testid={`gap-total-${t.key}`}>
            <dt className="text-xs text-muted-foreground">{t.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{t.value}</dd>
          </div>
        ))}
      </dl>
      {totals.gaps === 0 ? (
        <p className="text-sm">Every allegation is supported by non-privileged evidence and none is flagged.</p>
      ) : report.rows.length === 0 ? (
        <p className="text-sm">
          Nothing left on this page: the report changed since it was opened. <Link href={base} className="text-primary hover:underline">Back to the first page</Link>
        </p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>¶</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Allegation</TableHead>
              <TableHead>Elements</TableHead>
              <TableHead>Open requests</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.rows.map((r) => (
              <TableRow key={r.id} data-testid="gap-row" data-paragraph={r.paragraph} className="break-inside-avoid">
                <TableCell>
                  <Link href={`/matters/${matterId}/allegations/${r.id}`} className="hover:underline">
                    <Mono>¶&nbsp;{r.paragraphLabel}</Mono>
                  </Link>
                </TableCell>
                <TableCell className="grid gap-1">
                  <StatusBadge status={r.status} />
                  {r.flagSeverity && (
                    <span className="inline-flex items-center gap-1 text-xs" title={r.flagReason ?? undefined}>
                      <Flag aria-hidden className="size-3" /> {FLAG_LABELS[r.flagSeverity]}
                    </span>
                  )}
                </TableCell>
                <TableCell className="max-w-xl">
                  <p>{r.text}</p>
                  <p className="text-xs text-muted-foreground">
                    {ALLEGATION_KIND_LABELS[r.kind]}
                    {r.destinationHost && <> · {r.destinationHost}{r.destinationCountry && ` (${r.destinationCountry})`}</>}
                    {r.flagReason && <> · Flag: {r.flagReason}</>}
                  </p>
                </TableCell>
                <TableCell className="font-mono text-xs">{r.elements.map(elementLabel).join(" ") || "—"}</TableCell>
                <TableCell className="text-xs">
                  {r.requests.length === 0 ? (
                    <span className="text-muted-foreground">None</span>
                  ) : (
                    <ul className="grid gap-1">
                      {r.requests.map((q, i) => (
                        <li key={i}>
                          {q.description}
                          <span className="text-muted-foreground">
                            {q.assignee && <> · {q.assignee}</>}
                            {q.dueOn && <> · due {q.dueOn}</>}
                          </span>
                          {q.overdue && (
                            <Badge variant="warning" className="ml-1">
                              Overdue
                            </Badge>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {whole && report.next && (
        <p className="mt-4 text-sm" data-print="hide">
          The report has {totals.gaps} gaps, too many to print at once: print it <Link href={base} className="text-primary hover:underline">page by page</Link> or use the CSV.
        </p>
      )}
      {whole && !report.next && (
        <p className="mt-4 text-sm" data-print="hide">
          The whole report, {totals.gaps} gap{totals.gaps === 1 ? "" : "s"}, on one page. <Link href={base} className="text-primary hover:underline">Back to the paged report</Link>
        </p>
      )}
      {paged && (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm" data-print="hide">
          {report.previous && <Link href={`${base}?before=${report.previous}`} className="text-primary hover:underline">← Previous</Link>}
          {first && last && (
            <span>
              <Mono>¶&nbsp;{first.paragraphLabel}</Mono> to <Mono>¶&nbsp;{last.paragraphLabel}</Mono> of {totals.gaps}
            </span>
          )}
          {report.next && <Link href={`${base}?after=${report.next}`} className="text-primary hover:underline">Next →</Link>}
        </nav>
      )}
    </div>
  );
}
