import "server-only";
import { createHash } from "node:crypto";
import { parseExodusExport } from "@/lib/analyzer/kb/exodus";
import { AppError } from "@/lib/app-error";
import { KB_IMPORT_MAX_BYTES, KB_IMPORT_MAX_ROWS } from "@/lib/schemas/knowledge-base";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { MAX_KEPT_ERRORS } from "@/lib/server/knowledge-base/import-kb-csv";
import { writeLayerRows } from "@/lib/server/knowledge-base/write-layer-rows";

// Imports the Exodus Privacy tracker export (ODbL 1.0) as its own attributed layer: literal
// hostnames become EXODUS domain rows, literal package prefixes EXODUS SDK signatures, each row's
// source naming the Exodus tracker. Ours outrank it wherever both speak. Bounded like the CSV
// import (5 MB; the real export is a few hundred kilobytes), so it runs on the request.
export async function importExodus(actor: Actor, file: { name: string; bytes: Uint8Array }) {
  requireAccountPermission(actor, "admin.kb");
  if (file.bytes.length > KB_IMPORT_MAX_BYTES) throw AppError.validation({ file: ["The file is larger than 5 MB; the Exodus export is far smaller."] });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(file.bytes).replace(/^\uFEFF/, ""));
  } catch (error) {
    throw AppError.validation({ file: [`The file is not valid JSON: ${(error as Error).message}`] });
  }
  const result = parseExodusExport(json);
  if (result.trackers === 0) throw AppError.validation({ file: [result.problems[0]?.message ?? "The export lists no trackers."] });
  if (result.trackers > KB_IMPORT_MAX_ROWS) throw AppError.validation({ file: [`The export lists more than ${KB_IMPORT_MAX_ROWS} trackers.`] });
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const rows = result.domains.length + result.signatures.length;
  return db.$transaction(
    async (tx) => {
      const counts = await writeLayerRows(
        tx,
        "EXODUS",
        actor.userId,
        result.domains,
        result.signatures.map((s) => ({ prefix: s.prefix, organisation: s.organisation, sdk: s.sdk, category: s.category ?? null, source: s.source })),
      );
      const run = await tx.kbImport.create({
        data: { layer: "EXODUS", fileName: file.name.slice(0, 255), sha256, rows, ...counts, errors: result.problems.slice(0, MAX_KEPT_ERRORS), createdById: actor.userId },
      });
      await appendAudit(tx, actor, {
        matterId: null,
        action: "kb.import",
        entityId: run.id,
        details: { layer: "EXODUS", fileName: run.fileName, sha256, rows, ...counts, refused: result.problems.length },
      });
      return { ...run, refused: result.problems.length, trackers: result.trackers };
    },
    { timeout: 120_000 },
  );
}
