import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { StartImportForm } from "@/components/complaints/start-import-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { listComplaintImports } from "@/lib/server/complaints/list-complaint-imports";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { startComplaintImportAction } from "./actions";

export const metadata: Metadata = { title: "Import from the complaint" };

const STATUS_TEXT = { QUEUED: "Splitting…", PARSED: "Ready to review", FAILED: "Failed" } as const;

export default async function ComplaintImportsPage({ params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await pageActor();
  const { access, imports, exhibits } = await loadOr404(() => listComplaintImports(actor, matterId));
  const basePath = `/matters/${matterId}/allegations/import`;
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Import from the complaint"
        description="Split a complaint exhibit into its numbered ¶s with pin cites and proposed kinds. Every proposal is reviewed before it enters the ledger; an amended complaint shows what changed."
      />
      {access.can("allegations.write") &&
        (exhibits.length ? (
          <StartImportForm action={startComplaintImportAction.bind(null, matterId)} exhibits={exhibits} submissionKey={randomUUID()} />
        ) : (
          <EmptyState title="No complaint exhibit yet" description="Upload the complaint (PDF with a text layer, or DOCX) as an exhibit first." />
        ))}
      <section aria-labelledby="imports-title">
        <h2 id="imports-title" className="mb-2 text-base font-semibold">
          Imports
        </h2>
        {imports.length === 0 ? (
          <p className="text-sm text-muted-foreground">No complaint has been imported yet.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Started</TableHead>
                <TableHead>Exhibit</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>¶s</TableHead>
                <TableHead>By</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {imports.map((i) => (
                <TableRow key={i.id} data-testid="import-row">
                  <TableCell>
                    <Link href={`${basePath}/${i.id}`} className="text-primary hover:underline">
                      <Timestamp value={i.createdAt} />
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Mono>{i.exhibitLabel}</Mono> {i.exhibit.title}
                  </TableCell>
                  <TableCell>
                    <Badge variant={i.status === "FAILED" ? "warning" : i.status === "PARSED" ? "info" : "outline"}>{STATUS_TEXT[i.status]}</Badge>
                  </TableCell>
                  <TableCell className="font-mono">{i._count.proposals}</TableCell>
                  <TableCell>{i.createdBy.name}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
