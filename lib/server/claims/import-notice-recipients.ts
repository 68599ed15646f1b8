import "server-only";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { ZNoticeRecipientRow, type TNoticeRecipientRow } from "@/lib/schemas/claim-import";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";

export type ImportReport = { rows: number; imported: number; errors: { line: number; message: string }[] };

const BATCH = 1000;
const MAX_REPORTED_ERRORS = 1000;

// Streams the CSV row by row and writes valid rows in batches (upsert by notice ID), so a large
// file neither sits in memory nor fails whole: each bad row is reported with its line number.
export async function importNoticeRecipients(
  actor: Actor,
  matterId: string,
  csv: ReadableStream<Uint8Array> | Readable,
  onProgress?: (rowsSoFar: number) => void,
): Promise<ImportReport> {
  await requirePermission(actor, matterId, "claims.import");
  const input = csv instanceof Readable ? csv : Readable.fromWeb(csv as import("node:stream/web").ReadableStream<Uint8Array>);
  const parser = input.pipe(parse({ columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }));
  const report: ImportReport = { rows: 0, imported: 0, errors: [] };
  let batch: TNoticeRecipientRow[] = [];
  const flush = async () => {
    if (!batch.length) return;
    // A notice ID repeated within one batch: the later row wins, as it would across batches.
    const rows = [...new Map(batch.map((r) => [r.notice_id, r])).values()];
    batch = [];
    report.imported += await db.$executeRaw`
      INSERT INTO "NoticeRecipient" (id, "matterId", "noticeId", "confirmationCode", "fullName", "addressLine1", "addressLine2", city, state, zip)
      SELECT (r->>'id')::uuid, ${matterId}::uuid, r->>'notice_id', r->>'confirmation_code', r->>'full_name', r->>'address1', r->>'address2', r->>'city', r->>'state', r->>'zip'
      FROM jsonb_array_elements(${JSON.stringify(rows.map((r) => ({ ...r, id: uuidv7() })))}::jsonb) r
      ON CONFLICT ("matterId", "noticeId") DO UPDATE SET "confirmationCode" = EXCLUDED."confirmationCode", "fullName" = EXCLUDED."fullName",
        "addressLine1" = EXCLUDED."addressLine1", "addressLine2" = EXCLUDED."addressLine2", city = EXCLUDED.city, state = EXCLUDED.state, zip = EXCLUDED.zip`;
    onProgress?.(report.rows);
  };
  try {
    for await (const record of parser) {
      report.rows++;
      const parsed = ZNoticeRecipientRow.safeParse(record);
      if (parsed.success) batch.push(parsed.data);
      else if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ line: report.rows + 1, message: parsed.error.issues.map((i) => i.message).join("; ") });
      if (batch.length >= BATCH) await flush();
    }
  } catch (error) {
    throw AppError.validation({ file: [`The file is not valid CSV: ${(error as Error).message}`] });
  } finally {
    await flush();
  }
  await db.$transaction((tx) =>
    appendAudit(tx, actor, { matterId, action: "notice-recipient.import", entityId: matterId, details: { rows: report.rows, imported: report.imported, errors: report.errors.length } }),
  );
  return report;
}
