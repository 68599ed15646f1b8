import "server-only";
import { createHash } from "node:crypto";
import { Readable, Transform } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { parse } from "csv-parse";
import { AppError } from "@/lib/app-error";
import { toFieldErrors } from "@/lib/schemas/parse";
import { KB_IMPORT_MAX_BYTES, KB_IMPORT_MAX_ROWS, ZKbCsvRow } from "@/lib/schemas/knowledge-base";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { writeLayerRows, type LayerDomainRow } from "@/lib/server/knowledge-base/write-layer-rows";

export type KbUpload = { name: string; size: number; stream: ReadableStream<Uint8Array> };
export type KbRowError = { line: number; key: string; message: string };

// Refused rows kept for the downloadable report; the count covers them all.
export const MAX_KEPT_ERRORS = 10_000;

// "Organization", "checked on", "Checked-On" name the documented columns too.
const HEADER_ALIASES: Record<string, string> = { organization: "organisation", org: "organisation", checkedon: "checked_on", checked: "checked_on", hq_country: "country" };
const readHeader = (h: string) => {
  const key = h.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return HEADER_ALIASES[key] ?? HEADER_ALIASES[key.replace(/_/g, "")] ?? key;
};
const REQUIRED = ["domain", "organisation", "category", "source"];

// Imports a CSV into the IMPORTED_CSV layer. The file is read while streaming and is bounded —
// at most 5 MB and 50,000 rows, refused whole past either cap before anything is written — so it
// runs on the request like the admin's other forms (a file this size parses in well under a
// second; a job would add a queue and a waiting page for nothing). Each row is validated on its
// own: good rows are upserted by domain, bad rows are listed with their line and reason.
export async function importKbCsv(actor: Actor, file: KbUpload) {
  requireAccountPermission(actor, "admin.kb");
  if (file.size > KB_IMPORT_MAX_BYTES) throw AppError.validation({ file: ["The file is larger than 5 MB; split it and import the parts."] });
  const hash = createHash("sha256");
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, next) {
      bytes += chunk.length;
      if (bytes > KB_IMPORT_MAX_BYTES) return next(new Error("larger than 5 MB"));
      hash.update(chunk);
      next(null, chunk);
    },
  });
  const parser = Readable.fromWeb(file.stream as NodeReadableStream<Uint8Array>)
    .pipe(meter)
    .pipe(parse({ columns: (h: string[]) => h.map(readHeader), skip_empty_lines: true, trim: true, bom: true, relax_column_count: true, info: true, to: KB_IMPORT_MAX_ROWS + 1 }));
  meter.on("error", (e) => parser.destroy(e));

  const rows: LayerDomainRow[] = [];
  const errors: KbRowError[] = [];
  let refused = 0;
  let count = 0;
  const firstLine = new Map<string, number>();
  const refuse = (e: KbRowError) => {
    refused++;
    if (errors.length < MAX_KEPT_ERRORS) errors.push(e);
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      count++;
      if (count === 1) {
        const missing = REQUIRED.filter((c) => !(c in record));
        if (missing.length) throw AppError.validation({ file: [`The CSV has no ${missing.join(", ")} column. Use the columns listed on this page.`] });
      }
      if (count > KB_IMPORT_MAX_ROWS) throw AppError.validation({ file: [`The file has more than ${KB_IMPORT_MAX_ROWS.toLocaleString("en-US")} rows; split it and import the parts.`] });
      const line = info.lines;
      const parsed = ZKbCsvRow.safeParse(record);
      if (!parsed.success) {
        const reasons = Object.entries(toFieldErrors(parsed.error)).map(([field, messages]) => `${field}: ${messages.join("; ")}`);
        refuse({ line, key: record.domain ?? "", message: reasons.join(" · ") });
        continue;
      }
      const r = parsed.data;
      const seen = firstLine.get(r.domain);
      if (seen) {
        refuse({ line, key: r.domain, message: `domain: ${r.domain} is already on line ${seen}; the first row is kept.` });
        continue;
      }
      firstLine.set(r.domain, line);
      rows.push({ domain: r.domain, organisation: r.organisation, parent: r.parent || null, country: r.country ?? null, category: r.category, source: r.source, checkedOn: r.checked_on ?? null });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = (error as Error).message;
    throw AppError.validation({ file: [message.includes("5 MB") ? "The file is larger than 5 MB; split it and import the parts." : `The file is not valid CSV: ${message}`] });
  }
  if (count === 0) throw AppError.validation({ file: ["The CSV has a header but no rows, or is empty."] });
  const sha256 = hash.digest("hex");
  return db.$transaction(
    async (tx) => {
      const counts = await writeLayerRows(tx, "IMPORTED_CSV", actor.userId, rows);
      const run = await tx.kbImport.create({
        data: { layer: "IMPORTED_CSV", fileName: file.name.slice(0, 255), sha256, rows: count, ...counts, errors: errors, createdById: actor.userId },
      });
      await appendAudit(tx, actor, {
        matterId: null,
        action: "kb.import",
        entityId: run.id,
        details: { layer: "IMPORTED_CSV", fileName: run.fileName, sha256, rows: count, ...counts, refused },
      });
      return { ...run, refused };
    },
    { timeout: 120_000 },
  );
}
