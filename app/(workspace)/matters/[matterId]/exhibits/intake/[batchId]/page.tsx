import type { Metadata } from "next";
import Link from "next/link";
import { FileDown, XCircle } from "lucide-react";
import { AutoRefresh } from "@/components/intake/auto-refresh";
import { IntakeStatus } from "@/components/intake/intake-status";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Progress } from "@/components/ui/progress";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { getIntakeBatch } from "@/lib/server/intake/get-intake-batch";
import { loadOr404, pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Intake batch" };

export default async function IntakeBatchPage({ params }: { params: Promise<{ matterId: string; batchId: string }> }) {
  const { matterId, batchId } = await params;
  const actor = await pageActor();
  const { batch: b, failures } = await loadOr404(() => getIntakeBatch(actor, matterId, batchId));
  const running = b.status === "QUEUED" || b.status === "RUNNING";
  const total = b.totalFiles ?? 0;
  const n = (x: number) => x.toLocaleString("en-US");
  return (
    <div className="mx-auto max-w-6xl">
      <AutoRefresh active={running} />
      <PageHeader
        breadcrumb={
          <Link href={`/matters/${matterId}/exhibits/intake`} className="hover:underline">
            Bulk intake
          </Link>
        }
        title={b.archiveName}
        description={
          <>
            Started by {b.createdBy.name}, <Timestamp value={b.createdAt} />
            {b.loadFileName && <> · load file {b.loadFileName}</>} · SHA-256 <Mono>{b.archiveSha256.slice(0, 16)}…</Mono>
          </>
        }
        actions={
          b.failedFiles > 0 && (
            <Button asChild variant="outline" size="sm">
              <a href={`/api/v1/matters/${matterId}/intake/${b.id}/failures`} data-testid="failure-report">
                <FileDown aria-hidden /> Failure report (CSV)
              </a>
            </Button>
          )
        }
      />
      <section aria-labelledby="progress-heading" className="mb-6 grid gap-3 rounded-lg border p-4" aria-live="polite">
        <h2 id="progress-heading" className="flex items-center gap-3 text-base font-semibold">
          Progress <IntakeStatus status={b.status} />
        </h2>
        <Progress
          label="Files read"
          value={b.status === "QUEUED" || b.totalFiles == null ? null : b.processedFiles}
          max={total || 1}
          valueText={b.totalFiles == null ? "Waiting for the worker…" : `${n(b.processedFiles)} of ${n(total)} files`}
        />
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4" data-testid="intake-counts">
          <div>
            <dt className="text-muted-foreground">Numbered as exhibits</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid="count-committed">
              {n(b.committedFiles)}
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Already taken in</dt>
            <dd className="text-lg font-semibold tabular-nums">{n(b.skippedFiles)}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Failed</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid="count-failed">
              {n(b.failedFiles)}
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Finished</dt>
            <dd>{b.finishedAt ? <Timestamp value={b.finishedAt} /> : "—"}</dd>
          </div>
        </dl>
        <p className="text-xs text-muted-foreground">
          Counts include e-mail attachments, each numbered right after its e-mail. Text extraction of the new exhibits continues in the background.
        </p>
      </section>
      {b.status === "FAILED" && (
        <Alert variant="destructive" className="mb-6" icon={<XCircle aria-hidden />}>
          <AlertTitle>The archive could not be read</AlertTitle>
          <AlertDescription>{b.error}</AlertDescription>
        </Alert>
      )}
      <section aria-labelledby="failures-heading">
        <h2 id="failures-heading" className="mb-2 text-base font-semibold">
          Files that were not taken in
        </h2>
        {failures.length === 0 ? (
          <p className="text-sm text-muted-foreground">{running ? "None so far." : "None."}</p>
        ) : (
          <>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Reason</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {failures.map((f) => (
                  <TableRow key={f.id} data-testid="failure-row">
                    <TableCell className="font-mono text-xs break-all">{f.path}</TableCell>
                    <TableCell className="text-sm">{f.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {b.failedFiles > failures.length && (
              <p className="mt-2 text-sm text-muted-foreground">
                The first {failures.length} of {n(b.failedFiles)} are shown; the failure report lists them all.
              </p>
            )}
          </>
        )}
      </section>
    </div>
  );
}
