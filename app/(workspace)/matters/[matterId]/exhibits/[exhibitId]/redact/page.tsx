import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { CheckCircle2, FileSearch } from "lucide-react";
import { AutoRefresh } from "@/components/intake/auto-refresh";
import { RedactionForm } from "@/components/exhibits/redaction-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Mono } from "@/components/ui/mono";
import { Spinner } from "@/components/ui/spinner";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { exhibitLabel } from "@/lib/bates/format";
import { REDACTION_REASON_LABELS } from "@/lib/schemas/exhibit";
import { listRedactedCopies } from "@/lib/server/exhibits/list-redacted-copies";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { requestRedactionAction } from "../../actions";

export const metadata: Metadata = { title: "Redaction" };

export default async function RedactionPage({ params }: { params: Promise<{ matterId: string; exhibitId: string }> }) {
  const { matterId, exhibitId } = await params;
  const actor = await pageActor();
  const { exhibit, copies, requests, access } = await loadOr404(() => listRedactedCopies(actor, matterId, exhibitId));
  const label = exhibitLabel(exhibit.prefix, exhibit.number);
  const isPdf = (exhibit.detectedType ?? exhibit.blob.mediaType) === "application/pdf";
  const copyUrl = (id: string) => `/api/v1/matters/${matterId}/exhibits/${exhibitId}/redacted/${id}`;

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        breadcrumb={
          <Link href={`/matters/${matterId}/exhibits/${exhibitId}`} className="hover:underline">
            {label}
          </Link>
        }
        title={`Redact ${label}`}
        description={`${exhibit.title}. The original is never changed: each redaction makes a new copy (text removed, then blacked out), which productions stamp in its place.`}
      />
      <section aria-labelledby="new-heading" className="mb-10">
        <h2 id="new-heading" className="mb-2 text-lg font-semibold">
          New redacted copy
        </h2>
        {!isPdf ? (
          <Alert variant="warning">
            <AlertDescription>Only PDF exhibits can be redacted so far; this one is produced natively.</AlertDescription>
          </Alert>
        ) : access.can("exhibits.redact") ? (
          <RedactionForm
            action={requestRedactionAction.bind(null, matterId, exhibitId)}
            submissionKey={randomUUID()}
            fileUrl={`/api/v1/matters/${matterId}/exhibits/${exhibitId}/file?view=1`}
            label={label}
          />
        ) : (
          <Alert variant="info">
            <AlertDescription>Only an attorney can redact an exhibit.</AlertDescription>
          </Alert>
        )}
      </section>
      {requests.length > 0 && (
        <section aria-labelledby="requests-heading" className="mb-10">
          <AutoRefresh active={requests.some((r) => r.status === "PENDING" || r.status === "RUNNING")} />
          <h2 id="requests-heading" className="mb-2 text-lg font-semibold">
            Requests
          </h2>
          <ul className="grid gap-2" data-testid="redaction-requests">
            {requests.map((r) => (
              <li key={r.id} data-testid="redaction-request" data-status={r.status} className="text-sm">
                {r.status === "FAILED" ? (
                  <Alert variant="destructive">
                    <AlertDescription>
                      Failed: {r.failureReason} (asked by {r.createdBy.name}, <Timestamp value={r.createdAt} />)
                    </AlertDescription>
                  </Alert>
                ) : r.status === "DONE" ? (
                  <span>
                    <CheckCircle2 aria-hidden className="mr-1 inline size-4" />
                    Done: redacted copy made and checked ({r.createdBy.name}, <Timestamp value={r.createdAt} />).
                  </span>
                ) : (
                  <span role="status">
                    <Spinner className="mr-1 inline size-4" />
                    {r.status === "PENDING" ? "Queued" : "Redacting and checking"}: asked by {r.createdBy.name}, <Timestamp value={r.createdAt} />. This page updates by itself.
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="copies-heading">
        <h2 id="copies-heading" className="mb-2 text-lg font-semibold">
          Redacted copies
        </h2>
        {copies.length === 0 ? (
          <EmptyState icon={<FileSearch />} headingLevel="h3" title="No redacted copies" description="Productions use the original until a redacted copy exists." />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Made</TableHead>
                <TableHead>Redactions</TableHead>
                <TableHead>SHA-256</TableHead>
                <TableHead>
                  <span className="sr-only">Open</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {copies.map((c, i) => (
                <TableRow key={c.id} data-testid="redacted-copy-row">
                  <TableCell className="text-sm">
                    <div>{c.createdBy.name}</div>
                    <div className="text-xs text-muted-foreground"><Timestamp value={c.createdAt} /></div>
                    {i === 0 && <div className="text-xs font-medium">Used in new productions</div>}
                  </TableCell>
                  <TableCell className="text-sm">
                    <ul>
                      {c.redactions.map((r) =>
                        r.kind === "REGION" ? (
                          <li key={r.id}>
                            Region on page {r.page} — {REDACTION_REASON_LABELS[r.reason]}, {r.occurrences} character{r.occurrences === 1 ? "" : "s"} of text removed
                          </li>
                        ) : (
                          <li key={r.id}>
                            <Mono>{r.term}</Mono> — {REDACTION_REASON_LABELS[r.reason]}, {r.occurrences} found
                            {r.pages.length ? ` (page${r.pages.length === 1 ? "" : "s"} ${r.pages.join(", ")})` : ""}
                          </li>
                        ),
                      )}
                    </ul>
                  </TableCell>
                  <TableCell>
                    <Mono copy value={c.redactedSha256} copyLabel="Copy the redacted copy's SHA-256" className="text-xs">{`${c.redactedSha256.slice(0, 16)}…`}</Mono>
                  </TableCell>
                  <TableCell>
                    <a className="text-sm font-medium underline" href={copyUrl(c.id)} target="_blank" rel="noreferrer">
                      Open the copy
                    </a>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
