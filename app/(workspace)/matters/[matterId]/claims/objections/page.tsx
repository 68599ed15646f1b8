import type { Metadata } from "next";
import Link from "next/link";
import { AlertTriangle, Download, MessageSquareWarning } from "lucide-react";
import { Pager, ResponseListFilter } from "@/components/settlement/response-list-filter";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { formatCalendarDate, formatDateTime } from "@/lib/claims/dates";
import { ZResponseListQuery } from "@/lib/schemas/settlement-response";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { listObjections } from "@/lib/server/settlement/list-objections";
import { RESPONSES_PAGE_SIZE } from "@/lib/server/settlement/list-opt-outs";

export const metadata: Metadata = { title: "Objections" };

export default async function ObjectionsPage({ params, searchParams }: { params: Promise<{ matterId: string }>; searchParams: Promise<RawSearchParams> }) {
  const { matterId } = await params;
  const raw = parseSearchParams(ZResponseListQuery, await searchParams);
  const actor = await pageActor();
  const { rows, total, query, deadline, hearingAt, timeZone } = await loadOr404(() => listObjections(actor, matterId, raw));
  const pageHref = (page: number) => `?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.flagged ? { flagged: "1" } : {}), page: String(page) })}`;
  // The hearing is on the court's calendar, like the deadline: both read in the matter's zone, not the viewer's.
  const hearing = hearingAt ? formatDateTime(hearingAt, timeZone) : "not set";
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        breadcrumb={
          <Link href={`/matters/${matterId}/claims`} className="hover:underline">
            Claims
          </Link>
        }
        title="Objections"
        description={`${total.toLocaleString("en-US")} objection${total === 1 ? "" : "s"} match. Deadline: ${formatCalendarDate(deadline)}. Final approval hearing: ${hearing}.`}
        actions={
          <div className="flex flex-wrap gap-2" data-print="hide">
            <Button asChild variant="outline">
              <Link href={`/matters/${matterId}/claims/opt-outs`}>Opt-outs</Link>
            </Button>
            <Button asChild variant="outline">
              <a href={`/matters/${matterId}/claims/objections/export`}>
                <Download aria-hidden /> Export CSV
              </a>
            </Button>
          </div>
        }
      />
      <ResponseListFilter label="Filter objections" q={query.q} flagged={Boolean(query.flagged)} flaggedLabel="Objector opted out" />
      {rows.length === 0 ? (
        <EmptyState icon={<MessageSquareWarning />} title="No objections match" description="Objections appear here as class members send them on the public objection form." />
      ) : (
        <Table data-testid="objection-table">
          <TableHeader>
            <TableRow>
              <TableHead>Reference</TableHead>
              <TableHead>Name</TableHead>
              <TableHead>E-mail</TableHead>
              <TableHead>Counsel</TableHead>
              <TableHead>Will appear</TableHead>
              <TableHead>Document</TableHead>
              <TableHead>Received</TableHead>
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  <Link href={`/matters/${matterId}/claims/objections/${r.id}`} className="text-primary hover:underline">
                    <Mono>{r.number}</Mono>
                  </Link>
                </TableCell>
                <TableCell className="font-medium">{r.fullName}</TableCell>
                <TableCell>{r.email}</TableCell>
                <TableCell>{r.represented ? (r.counselName ?? "Yes") : "None"}</TableCell>
                <TableCell>{r.appearAtHearing ? "Yes" : "No"}</TableCell>
                <TableCell>{r.documentSha256 ? "PDF" : "—"}</TableCell>
                <TableCell className="whitespace-nowrap"><Timestamp value={r.createdAt} /></TableCell>
                <TableCell>
                  <span className="flex flex-wrap gap-1">
                    <Badge variant={r.timely ? "outline" : "warning"}>{r.timely ? "Timely" : "Late"}</Badge>
                    {r.optOut && (
                      <Badge variant="warning">
                        <AlertTriangle aria-hidden className="size-3" /> Opted out{r.optOut.status === "REVOKED" ? " (revoked)" : ""}
                      </Badge>
                    )}
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pager page={query.page} total={total} pageSize={RESPONSES_PAGE_SIZE} href={pageHref} />
    </div>
  );
}
