import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { ApplyAmendmentForm } from "@/components/complaints/apply-amendment-form";
import { ProposalCard, type ProposalView } from "@/components/complaints/proposal-card";
import { RefreshWhileQueued } from "@/components/complaints/refresh-while-queued";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { complaintPinCite } from "@/lib/complaint/labels";
import type { DataTransferProposal } from "@/lib/complaint/propose";
import { ALLEGATION_KIND_LABELS, ALLEGATION_KINDS, DATA_CATEGORY_LABELS } from "@/lib/schemas/allegation";
import { getComplaintImport } from "@/lib/server/complaints/get-complaint-import";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { acceptProposalAction, applyAmendmentAction, dropProposalAction, mergeProposalAction, splitProposalAction } from "../actions";

export const metadata: Metadata = { title: "Review the complaint import" };

// Proposals shown at once when the complaint has no pages (DOCX).
const UNPAGED_BATCH = 40;

function transferSummary(t: DataTransferProposal | null): string | null {
  if (!t || !t.destinationHost) return null;
  const parts = [t.destinationHost, t.recipientOrg, t.destinationCountry, t.dataCategories.map((c) => DATA_CATEGORY_LABELS[c]).join(", ")];
  if (t.observedFrom || t.observedTo) parts.push(`${t.observedFrom?.date ?? "…"} – ${t.observedTo?.date ?? "…"}`);
  return parts.filter(Boolean).join(" · ");
}

export default async function ComplaintImportReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ matterId: string; importId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { matterId, importId } = await params;
  const search = await searchParams;
  const actor = await pageActor();
  const run = await loadOr404(() => getComplaintImport(actor, matterId, importId));
  const paged = run.pageTexts.length > 0;
  const lastPage = paged ? run.pageTexts.length : Math.max(1, Math.ceil(run.proposals.length / UNPAGED_BATCH));
  const requested = Number(Array.isArray(search.page) ? search.page[0] : search.page);
  const page = Number.isInteger(requested) && requested >= 1 && requested <= lastPage ? requested : 1;
  // Where the review stands: the first page with a ¶ still to review, offered as a link (the page
  // itself stays put as decisions re-render it).
  const firstPending = run.proposals.find((p) => p.decision === "PENDING");
  const resumePage = firstPending ? (paged ? (firstPending.page ?? 1) : Math.floor(run.proposals.indexOf(firstPending) / UNPAGED_BATCH) + 1) : null;
  const onPage = paged
    ? run.proposals.filter((p) => p.page === page)
    : run.proposals.slice((page - 1) * UNPAGED_BATCH, page * UNPAGED_BATCH);
  const base = `/matters/${matterId}/allegations/import/${importId}`;
  const canWrite = run.access.can("allegations.write");
  // An amended complaint: some ¶ matched an allegation already in the ledger.
  const amended = run.proposals.some((p) => p.matchedAllegationId);
  // Kept once applied too, so the form's own "Applied …" confirmation stays on screen, above its
  // "already in the ledger" summary.
  const offerAmendment = canWrite && run.status === "PARSED" && amended;
  const kinds = ALLEGATION_KINDS.map((k) => ({ value: k, label: ALLEGATION_KIND_LABELS[k] }));
  const countElementsOf = (n: number | null) => {
    const count = n === null ? undefined : run.matterCounts.find((c) => c.number === n);
    return count ? { title: `Count ${count.number} (${count.title})`, elements: count.elements.map((e) => ({ id: e.id, label: `${count.number}.${e.position} ${e.text}` })) } : null;
  };
  const views: ProposalView[] = onPage.map((p) => ({
    id: p.id,
    label: p.label,
    pinCite: complaintPinCite(p.label, p.page, p.line),
    heading: p.heading,
    count: p.countNumber ? `Count ${p.countNumber}` : null,
    text: p.text,
    kind: p.kind,
    kindLabel: ALLEGATION_KIND_LABELS[p.kind],
    decision: p.decision,
    change: p.change,
    matched: p.matched ? { label: p.matched.paragraphLabel, text: p.matched.text } : null,
    similarity: p.similarity,
    transfer: transferSummary(p.dataTransfer as DataTransferProposal | null),
    destinationHost: (p.dataTransfer as DataTransferProposal | null)?.destinationHost ?? null,
    allegationHref: p.allegationId ? `/matters/${matterId}/allegations/${p.allegationId}` : null,
    countElements: countElementsOf(p.countNumber),
  }));

  const pager = (
    <nav aria-label="Complaint pages" className="flex items-center gap-2" data-print="hide">
      <Button asChild size="sm" variant="outline" aria-disabled={page <= 1}>
        <Link href={`${base}?page=${Math.max(1, page - 1)}`} aria-label="Previous page">
          <ChevronLeft aria-hidden />
        </Link>
      </Button>
      <span className="text-sm" aria-live="polite">
        {paged ? "Page" : "Batch"} <Mono>{page}</Mono> of {lastPage}
      </span>
      {resumePage !== null && resumePage !== page && (
        <Link href={`${base}?page=${resumePage}`} className="text-sm text-primary underline">
          Next ¶ to review is on {paged ? "page" : "batch"} {resumePage}
        </Link>
      )}
      <Button asChild size="sm" variant="outline" aria-disabled={page >= lastPage}>
        <Link href={`${base}?page=${Math.min(lastPage, page + 1)}`} aria-label="Next page">
          <ChevronRight aria-hidden />
        </Link>
      </Button>
    </nav>
  );

  return (
    <div className="grid gap-4">
      <PageHeader
        title={`Review the import of ${run.exhibitLabel}`}
        description={`${run.exhibit.title}. ${run.proposals.length} ¶s proposed: ${run.counts.PENDING} to review, ${run.counts.ACCEPTED} accepted, ${run.counts.DROPPED} dropped, ${run.counts.MERGED} merged. Nothing enters the ledger until accepted.`}
        actions={
          <Button asChild variant="outline">
            <Link href={`/matters/${matterId}/allegations/import`}>All imports</Link>
          </Button>
        }
      />
      {run.status === "QUEUED" && (
        <Alert>
          <AlertTitle>Splitting the complaint…</AlertTitle>
          <AlertDescription>This page updates when the proposals are ready.</AlertDescription>
          <RefreshWhileQueued />
        </Alert>
      )}
      {run.status === "FAILED" && (
        <Alert variant="destructive">
          <AlertTitle>The complaint could not be split</AlertTitle>
          <AlertDescription>{run.failureReason}</AlertDescription>
        </Alert>
      )}
      {offerAmendment && (
        <ApplyAmendmentForm
          action={applyAmendmentAction.bind(null, matterId, importId)}
          summary={run.amendment}
          removed={run.removed.map((r) => ({ id: r.id, label: r.paragraphLabel, text: r.text, href: `/matters/${matterId}/allegations/${r.id}` }))}
        />
      )}
      {!offerAmendment && run.removed.length > 0 && amended && (
        <Alert>
          <AlertTitle>
            {run.removed.length} ledger allegation{run.removed.length === 1 ? "" : "s"} not in this complaint
          </AlertTitle>
          <AlertDescription>
            No ¶ of this version matches{" "}
            {run.removed.slice(0, 12).map((r, i) => (
              <span key={r.id}>
                {i > 0 && ", "}
                <Link className="underline" href={`/matters/${matterId}/allegations/${r.id}`}>
                  ¶ {r.paragraphLabel}
                </Link>
              </span>
            ))}
            {run.removed.length > 12 && "…"}: the amendment removed {run.removed.length === 1 ? "it" : "them"}, or reworded beyond recognition.
          </AlertDescription>
        </Alert>
      )}
      {run.status === "PARSED" && (
        <>
          {pager}
          <div className="grid gap-4 lg:grid-cols-2">
            <section aria-labelledby="page-text-title" className="min-w-0">
              <h2 id="page-text-title" className="mb-2 text-sm font-semibold">
                {paged ? `Page ${page} as read (line numbers at the left)` : "The document has no pages; proposals in reading order"}
              </h2>
              {paged ? (
                <pre className="max-h-[75vh] overflow-auto rounded-md border border-border bg-muted p-3 font-mono text-xs leading-5 whitespace-pre" data-testid="page-text">
                  {run.pageTexts[page - 1]}
                </pre>
              ) : null}
            </section>
            <section aria-labelledby="proposals-title" className="grid min-w-0 content-start gap-3">
              <h2 id="proposals-title" className="text-sm font-semibold">
                Proposed ¶s {paged ? "starting on this page" : ""} ({onPage.length})
              </h2>
              {views.length === 0 && <p className="text-sm text-muted-foreground">No ¶ starts on this page.</p>}
              {views.map((v) => (
                <ProposalCard
                  key={v.id}
                  proposal={v}
                  kinds={kinds}
                  canWrite={canWrite}
                  actions={{
                    accept: acceptProposalAction.bind(null, matterId, importId, v.id),
                    drop: dropProposalAction.bind(null, matterId, importId, v.id),
                    merge: mergeProposalAction.bind(null, matterId, importId, v.id),
                    split: splitProposalAction.bind(null, matterId, importId, v.id),
                  }}
                />
              ))}
            </section>
          </div>
          {pager}
        </>
      )}
    </div>
  );
}
