import type { Metadata } from "next";
import Link from "next/link";
import { AlertTriangle, Download, UserX } from "lucide-react";
import { Pager, ResponseListFilter } from "@/components/settlement/response-list-filter";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { formatCalendarDate } from "@/lib/claims/dates";
import { ZResponseListQuery } from "@/lib/schemas/settlement-response";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { listOptOuts, RESPONSES_PAGE_SIZE } from "@/lib/server/settlement/list-opt-outs";

export const metadata: Metadata = { title: "Opt-outs" };

export default async function OptOutsPage({ params, searchParams }: { params: Promise<{ matterId: string }>; searchParams: Promise<RawSearchParams> }) {
  const { matterId } = await params;
  const raw = parseSearchParams(ZResponseListQuery, await searchParams);
  const actor = await pageActor();
  const { rows, total, query, deadline } = await loadOr404(() => listOptOuts(actor, matterId, raw));
  const pageHref = (page: number) => `?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.flagged ? { flagged: "1" } : {}), page: String(page) })}`;
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        breadcrumb={
          <Link href={`/matters/${matterId}/claims`} className="hover:underline">
            Claims
          </Link>
        }
        title="Opt-outs"
        description={`${total.toLocaleString("en-US")} request${total === 1 ? "" : "s"} for exclusion match. Deadline: ${formatCalendarDate(deadline)}. Flagged: the same person also filed a claim or an objection.`}
        actions={
          <div className="flex flex-wrap gap-2" data-print="hide">
            <Button asChild variant="outline">
              <Link href={`/matters/${matterId}/claims/objections`}>Objections</Link>
            </Button>
            <Button asChild variant="outline">
              <a href={`/matters/${matterId}/claims/opt-outs/export`}>
                <Download aria-hidden /> Export CSV
              </a>
            </Button>
          </div>
        }
      />
      <ResponseListFilter label="Filter opt-outs" q={query.q} flagged={Boolean(query.flagged)} flaggedLabel="Flagged only" />
      {rows.length === 0 ? (
        <EmptyState icon={<UserX />} title="No opt-outs match" description="Requests for exclusion appear here as class members send them on the public opt-out form." />
      ) : (
        <Table data-testid="opt-out-table">
          <TableHeader>
            <TableRow>
              <TableHead>Reference</TableHead>
              <TableHead>Name</TableHead>
              <TableHead>E-mail</TableHead>
              <TableHead>Place</TableHead>
              <TableHead>Received</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Flags</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  <Link href={`/matters/${matterId}/claims/opt-outs/${r.id}`} className="text-primary hover:underline">
                    <Mono>{r.number}</Mono>
                  </Link>
                </TableCell>
                <TableCell className="font-medium">{r.fullName}</TableCell>
                <TableCell>{r.email}</TableCell>
                <TableCell>
                  {r.city}, {r.state}
                </TableCell>
                <TableCell className="whitespace-nowrap"><Timestamp value={r.createdAt} /></TableCell>
                <TableCell>
                  <span className="flex flex-wrap gap-1">
                    <Badge variant={r.timely ? "outline" : "warning"}>{r.timely ? "Timely" : "Late"}</Badge>
                    {r.status === "REVOKED" && <Badge variant="neutral">Revoked</Badge>}
                  </span>
                </TableCell>
                <TableCell>
                  {r._count.matches + r._count.objections > 0 ? (
                    <Badge variant="warning">
                      <AlertTriangle aria-hidden className="size-3" />
                      {[r._count.matches && `${r._count.matches} claim${r._count.matches === 1 ? "" : "s"}`, r._count.objections && `${r._count.objections} objection${r._count.objections === 1 ? "" : "s"}`].filter(Boolean).join(", ")}
                    </Badge>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
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
