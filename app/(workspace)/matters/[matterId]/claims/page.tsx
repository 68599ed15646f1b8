import type { Metadata } from "next";
import Link from "next/link";
import { Download, Inbox, Landmark, Upload } from "lucide-react";
import { ClaimQueueTable, type QueueRow } from "@/components/claims/claim-queue-table";
import { RescoreButton } from "@/components/claims/rescore-button";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Timestamp } from "@/components/ui/timestamp";
import { daysSince } from "@/lib/claims/dates";
import { REVIEW_THRESHOLD } from "@/lib/claims/signals";
import { CLAIM_STATUS_LABELS, CLAIM_STATUSES } from "@/lib/schemas/claim";
import { getRescoreStatus, type RescoreStatus } from "@/lib/server/claims/get-rescore-status";
import { listClaims, PAGE_SIZE } from "@/lib/server/claims/list-claims";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { requirePermission } from "@/lib/server/auth/policy";
import { bulkAction, rescoreAction } from "./actions";
import { ZClaimFilters } from "@/lib/schemas/claim";
import { parseSearchParams, type RawSearchParams } from "@/lib/schemas/search-params";

export const metadata: Metadata = { title: "Claims" };


export default async function ClaimsQueuePage({ params, searchParams }: { params: Promise<{ matterId: string }>; searchParams: Promise<RawSearchParams> }) {
  const { matterId } = await params;
  const raw = parseSearchParams(ZClaimFilters, await searchParams);
  const actor = await pageActor();
  const { rows, total, filters, subclasses, publicAddress } = await loadOr404(() => listClaims(actor, matterId, raw));
  const access = await loadOr404(() => requirePermission(actor, matterId, "matter.read"));
  const rescore = await getRescoreStatus(actor, matterId);
  const queue: QueueRow[] = rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    name: r.claimant.fullName,
    email: r.claimant.email,
    state: r.claimant.state,
    subclass: r.subclass,
    fraudScore: r.fraudScore,
    signals: r._count.signals,
    recommendation: r.recommendation,
    filed: r.createdAt,
    deficientDays: r.status === "DEFICIENT" && r.deficientAt ? daysSince(r.deficientAt) : null,
  }));
  const query = new URLSearchParams(Object.entries(raw).filter(([k]) => k !== "page").map(([k, v]) => [k, String(v)]));
  const pageHref = (page: number) => {
    const q = new URLSearchParams(query);
    q.set("page", String(page));
    return `?${q}`;
  };
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Claims"
        description={`${total.toLocaleString("en-US")} claim${total === 1 ? "" : "s"} match. Claims scoring ${REVIEW_THRESHOLD} or more are routed to review.`}
        actions={
          <div className="flex flex-wrap gap-2" data-print="hide">
            <RescoreButton action={rescoreAction.bind(null, matterId)} running={rescore.state === "running"} statusText={rescoreText(rescore)} />
            <Button asChild variant="outline">
              <Link href={`/matters/${matterId}/claims/opt-outs`}>Opt-outs</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href={`/matters/${matterId}/claims/objections`}>Objections</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href={`/matters/${matterId}/claims/import`}>
                <Upload aria-hidden /> Import claims or notice list
              </Link>
            </Button>
            <Button asChild variant="outline">
              <Link href={`/matters/${matterId}/claims/distribution`}>
                <Landmark aria-hidden /> Distribution
              </Link>
            </Button>
            <Button asChild variant="outline">
              <a href={`/matters/${matterId}/claims/export?${query}`}>
                <Download aria-hidden /> Export CSV
              </a>
            </Button>
          </div>
        }
      />
      {publicAddress && (
        <p className="mb-4 flex flex-wrap items-center gap-2 text-sm" data-testid="public-claim-address">
          <span className="text-muted-foreground">Class members file at</span>
          <Mono copy copyLabel="Copy the public claim address">
            {publicAddress}
          </Mono>
          <a href={publicAddress} target="_blank" rel="noreferrer" className="text-primary underline">
            Open
          </a>
        </p>
      )}
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filter claims" data-print="hide">
        <div className="grid gap-1">
          <Label htmlFor="f-q">Claim number, name or email</Label>
          <Input id="f-q" name="q" defaultValue={filters.q} className="w-64" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="f-status">Status</Label>
          <Select id="f-status" name="status" defaultValue={filters.status ?? ""} className="w-44">
            <option value="">Any</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CLAIM_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="f-subclass">Subclass</Label>
          <Select id="f-subclass" name="subclass" defaultValue={filters.subclass ?? ""} className="w-40">
            <option value="">Any</option>
            <option value="none">None</option>
            {subclasses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="f-score">Fraud score at least</Label>
          <Input id="f-score" name="minScore" type="number" min={0} max={100} defaultValue={filters.minScore} className="w-28" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="f-def">Deficient for at least (days)</Label>
          <Input id="f-def" name="deficientDays" type="number" min={0} defaultValue={filters.deficientDays} className="w-28" />
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        <Button asChild variant="ghost">
          <Link href={`?minScore=${REVIEW_THRESHOLD}`}>Needs review</Link>
        </Button>
        <Button asChild variant="ghost">
          <Link href="?">Clear</Link>
        </Button>
      </form>
      {queue.length === 0 ? (
        <EmptyState icon={<Inbox />} title="No claims match" description="Claims appear here as class members file them on the public form. Try clearing the filters." />
      ) : (
        <ClaimQueueTable matterId={matterId} rows={queue} threshold={REVIEW_THRESHOLD} canDecide={access.can("claims.decide")} action={bulkAction.bind(null, matterId)} />
      )}
      {total > PAGE_SIZE && (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
          {filters.page > 1 && <Link href={pageHref(filters.page - 1)} className="text-primary hover:underline">← Previous</Link>}
          <span>
            Page {filters.page} of {Math.ceil(total / PAGE_SIZE)}
          </span>
          {filters.page * PAGE_SIZE < total && <Link href={pageHref(filters.page + 1)} className="text-primary hover:underline">Next →</Link>}
        </nav>
      )}
    </div>
  );
}

function rescoreText(s: RescoreStatus): React.ReactNode {
  switch (s.state) {
    case "never":
      return null;
    case "running":
      return (
        <>
          Re-scoring since <Timestamp value={s.since} />
          {s.by ? ` (started by ${s.by})` : ""}…
        </>
      );
    case "failed":
      return (
        <>
          Re-scoring failed at <Timestamp value={s.at} />: {s.reason}
        </>
      );
    case "done":
      return (
        <>
          Re-scored {count(s.claims, "claim")} at <Timestamp value={s.at} /> in {(s.ms / 1000).toFixed(1)} s: {count(s.signals, "signal")}, {count(s.changed, "score")} changed.
        </>
      );
  }
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}
