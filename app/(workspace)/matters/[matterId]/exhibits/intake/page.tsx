import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { IntakeForm } from "@/components/intake/intake-form";
import { IntakeStatus } from "@/components/intake/intake-status";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { listIntakeBatches } from "@/lib/server/intake/list-intake-batches";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { startIntakeAction } from "./actions";

export const metadata: Metadata = { title: "Bulk intake" };

export default async function IntakePage({ params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await pageActor();
  const { batches, access } = await loadOr404(() => listIntakeBatches(actor, matterId));
  const base = `/matters/${matterId}/exhibits`;
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        breadcrumb={
          <Link href={base} className="hover:underline">
            Exhibits
          </Link>
        }
        title="Bulk intake"
        description="A ZIP of up to tens of thousands of documents, or many loose files chosen at once, with an optional CSV load file of their metadata. Each file is hashed and numbered; a file that cannot be taken in is listed with the reason, and the rest go on. Running the same ZIP or files again numbers nothing twice."
      />
      {access.can("exhibits.upload") && (
        <section aria-labelledby="new-batch" className="mb-8">
          <h2 id="new-batch" className="mb-2 text-base font-semibold">
            New batch
          </h2>
          <IntakeForm matterId={matterId} startAction={startIntakeAction.bind(null, matterId)} submissionKey={randomUUID()} />
        </section>
      )}
      <section aria-labelledby="batches">
        <h2 id="batches" className="mb-2 text-base font-semibold">
          Batches
        </h2>
        {batches.length === 0 ? (
          <p className="text-sm text-muted-foreground">No batch has been taken in yet.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Archive</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-right">Files</TableHead>
                <TableHead className="text-right">Numbered</TableHead>
                <TableHead className="text-right">Already in</TableHead>
                <TableHead className="text-right">Failed</TableHead>
                <TableHead>Started</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {batches.map((b) => (
                <TableRow key={b.id} data-testid="intake-batch-row">
                  <TableCell>
                    <Link href={`${base}/intake/${b.id}`} className="text-primary hover:underline">
                      {b.archiveName}
                    </Link>
                    {b.loadFileName && <span className="block text-xs text-muted-foreground">with {b.loadFileName}</span>}
                  </TableCell>
                  <TableCell>
                    <IntakeStatus status={b.status} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{b.totalFiles?.toLocaleString("en-US") ?? "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{b.committedFiles.toLocaleString("en-US")}</TableCell>
                  <TableCell className="text-right tabular-nums">{b.skippedFiles.toLocaleString("en-US")}</TableCell>
                  <TableCell className="text-right tabular-nums">{b.failedFiles.toLocaleString("en-US")}</TableCell>
                  <TableCell className="text-xs whitespace-nowrap">
                    {b.createdBy.name}, <Timestamp value={b.createdAt} />
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
