import "server-only";
import { writeCsv } from "@/lib/csv/write-csv";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { getIntakeBatch } from "@/lib/server/intake/get-intake-batch";

// The per-file failure report (name, reason), for a person fixing the files and running the
// batch again: spreadsheet mode, so a file name that looks like a formula is inert in Excel.
export async function exportIntakeFailures(actor: Actor, matterId: string, batchId: string) {
  await requirePermission(actor, matterId, "matter.read");
  const { batch } = await getIntakeBatch(actor, matterId, batchId);
  const failures = await db.intakeItem.findMany({ where: { batchId, status: "FAILED" }, orderBy: [{ createdAt: "asc" }, { path: "asc" }], select: { path: true, reason: true } });
  const body = writeCsv(
    "spreadsheet",
    ["Name", "Reason"],
    failures.map((f) => [f.path, f.reason ?? ""]),
  );
  await db.$transaction((tx) => appendAudit(tx, actor, { matterId, action: "intake.export-failures", entityId: batch.id, details: { format: "csv", count: failures.length } }));
  const stem = batch.archiveName.replace(/\.zip$/i, "");
  return { fileName: `${stem}-intake-failures.csv`, contentType: "text/csv; charset=utf-8", body: Buffer.from(body, "utf8"), count: failures.length };
}
