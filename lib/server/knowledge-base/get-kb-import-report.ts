import "server-only";
import { AppError } from "@/lib/app-error";
import { writeCsv } from "@/lib/csv/write-csv";
import { isUuid } from "@/lib/server/auth/policy";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

// An import's refused rows as a CSV (line, key, reason), to fix the file and import it again.
export async function getKbImportReport(actor: Actor, importId: string) {
  requireAccountPermission(actor, "admin.kb");
  if (!isUuid(importId)) throw AppError.notFound();
  const run = await db.kbImport.findUnique({ where: { id: importId } });
  if (!run) throw AppError.notFound();
  const errors = (Array.isArray(run.errors) ? run.errors : []) as { line: number; key: string; message: string }[];
  const csv = writeCsv(
    "spreadsheet",
    ["line", "domain_or_signature", "reason"],
    errors.map((e) => [e.line, e.key, e.message]),
  );
  return { fileName: `${run.fileName.replace(/\.[^.]*$/, "")}-refused-rows.csv`, csv };
}
