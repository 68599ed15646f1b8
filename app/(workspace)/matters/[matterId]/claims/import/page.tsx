import type { Metadata } from "next";
import Link from "next/link";
import { ClaimImportUpload } from "@/components/claims/claim-import-upload";
import { NoticeImport } from "@/components/claims/notice-import";
import { AutoRefresh } from "@/components/intake/auto-refresh";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Progress } from "@/components/ui/progress";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { IMPORT_COLUMNS } from "@/lib/claims/claim-import-row";
import { requirePermission } from "@/lib/server/auth/policy";
import { listClaimImports } from "@/lib/server/claims/list-claim-imports";
import { loadOr404, pageActor } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Import claims and notice list" };

const STATUS_LABEL = { QUEUED: "Queued", RUNNING: "Running", DONE: "Done", FAILED: "Failed" } as const;
const STATUS_VARIANT = { QUEUED: "neutral", RUNNING: "info", DONE: "supported", FAILED: "unsupported" } as const;
const n = (v: number) => v.toLocaleString("en-US");

export default async function ImportNoticesPage({ params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await pageActor();
  await loadOr404(() => requirePermission(actor, matterId, "claims.import"));
  const imports = await listClaimImports(actor, matterId);
  const active = imports.some((i) => i.status === "QUEUED" || i.status === "RUNNING");
  return (
    <div className="mx-auto grid max-w-6xl gap-10">
      <AutoRefresh active={active} />
      <section className="grid gap-4">
        <PageHeader
          breadcrumb={
            <Link href={`/matters/${matterId}/claims`} className="hover:underline">
              Claims
            </Link>
          }
          title="Import claims"
          description="Paper claims and claims collected by the notice administrator, checked row by row with the claim form's own rules. A paper claim is timely when its postmark_date (YYYY-MM-DD) is on or before the claim deadline in the matter's time zone. Importing the same rows again adds nothing: each external_id is imported once."
        />
        <ClaimImportUpload uploadUrl={`/matters/${matterId}/claims/import/claims`} columns={`${Object.keys(IMPORT_COLUMNS).join(", ")}, q_<question id>`} />
        {imports.length > 0 && (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>File</TableHead>
                <TableHead>Started</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Rows</TableHead>
                <TableHead>Imported</TableHead>
                <TableHead>Imported before</TableHead>
                <TableHead>Refused</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {imports.map((i) => (
                <TableRow key={i.id}>
                  <TableCell className="max-w-64 truncate" title={i.fileName}>
                    {i.fileName}
                    <div className="text-xs text-muted-foreground">by {i.createdBy.name}</div>
                  </TableCell>
                  <TableCell className="whitespace-nowrap"><Timestamp value={i.createdAt} /></TableCell>
                  <TableCell>
                    <Badge variant={STATUS_VARIANT[i.status]}>{STATUS_LABEL[i.status]}</Badge>
                    {i.status === "RUNNING" && <Progress className="mt-2 w-40" value={null} label="Import progress" hideLabel valueText={`${n(i.rowsRead)} rows read`} />}
                    {i.failure && <div className="mt-1 max-w-80 text-xs text-destructive">{i.failure}</div>}
                  </TableCell>
                  <TableCell className="tabular-nums">{i.status === "RUNNING" ? `${n(i.rowsRead)} read…` : n(i.rowsRead)}</TableCell>
                  <TableCell className="tabular-nums">{n(i.imported)}</TableCell>
                  <TableCell className="tabular-nums">{n(i.skipped)}</TableCell>
                  <TableCell className="tabular-nums">
                    {n(i.errorCount)}
                    {i.errorCount > 0 && (
                      <div>
                        <a className="text-xs underline" href={`/matters/${matterId}/claims/import/claims/${i.id}/errors`} download>
                          Error report (CSV)
                        </a>
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section className="grid gap-4">
        <div>
          <h2 className="text-lg font-semibold">Import notice list</h2>
          <p className="text-sm text-muted-foreground">
            The settlement administrator&apos;s list of people sent a notice. Rows are upserted by notice ID; bad rows are listed by line and skipped.
          </p>
        </div>
        <NoticeImport uploadUrl={`/matters/${matterId}/claims/import/upload`} />
      </section>
    </div>
  );
}
