import "server-only";
import { Readable } from "node:stream";
import { csvStream } from "@/lib/csv/write-csv";
import type { Actor } from "@/lib/server/auth/actor";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { getClaimImport } from "@/lib/server/claims/get-claim-import";
import { db } from "@/lib/server/db";

const PAGE = 5000;

// The per-row error report of an import: line, field, message, one row per refused field, in
// line order. Spreadsheet mode (cells that look like formulas are neutralised: the messages
// quote what the file said). Streamed a page at a time, so a file of bad rows is never whole
// in memory.
export async function exportClaimImportErrors(actor: Actor, matterId: string, importId: string) {
  const imp = await getClaimImport(actor, matterId, importId);
  await db.$transaction((tx) => appendAudit(tx, actor, { matterId, action: "claim-import.export-errors", entityId: imp.id, details: { count: imp.errorCount } }));
  const csv = csvStream("spreadsheet", ["line", "field", "message"]);
  void (async () => {
    try {
      let after = { line: 0, field: "" };
      for (;;) {
        const rows = await db.claimImportError.findMany({
          where: { importId, OR: [{ line: { gt: after.line } }, { line: after.line, field: { gt: after.field } }] },
          orderBy: [{ line: "asc" }, { field: "asc" }],
          take: PAGE,
          select: { line: true, field: true, message: true },
        });
        for (const r of rows) if (!csv.write([r.line, r.field, r.message])) await new Promise((resolve) => csv.once("drain", resolve));
        if (rows.length < PAGE) break;
        after = rows.at(-1)!;
      }
      csv.end();
    } catch (error) {
      csv.destroy(error as Error);
    }
  })();
  const stem = imp.fileName.replace(/\.csv$/i, "");
  return { fileName: `${stem}-errors.csv`, contentType: "text/csv; charset=utf-8", body: csv as Readable };
}
