import "server-only";
import { PassThrough, type Readable } from "node:stream";
import yazl from "yazl";
import { AppError } from "@/lib/app-error";
import { batesLabel, exhibitLabel } from "@/lib/bates/format";
import { writeCsv } from "@/lib/csv/write-csv";
import { extensionOf } from "@/lib/exhibit-files/file-name";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { checkStoredBlob, openVerified } from "@/lib/server/storage/open-verified";

export const LOAD_FILE_HEADER = ["BegBates", "EndBates", "ExhibitNo", "Title", "ProducedFile", "OriginalFileName", "OriginalSHA256", "ProducedSHA256", "Pages", "Confidentiality"];

// The production as delivered: IMAGES/ (stamped PDFs), NATIVES/ (other files under their first
// Bates number), DATA/loadfile.csv, DATA/manifest.json with every original and produced
// SHA-256, and SHA256SUMS.txt to check the delivery. Every file is re-verified before it goes in.
export async function openProductionZip(actor: Actor, matterId: string, productionId: string): Promise<{ stream: Readable; fileName: string }> {
  await requirePermission(actor, matterId, "matter.read");
  if (!isUuid(productionId)) throw AppError.notFound("Production not found");
  const production = await db.production.findFirst({
    where: { id: productionId, matterId },
    include: {
      matter: { select: { slug: true, caption: true, docketNumber: true } },
      items: { orderBy: { position: "asc" }, include: { exhibit: { include: { blob: true } }, stamped: true } },
    },
  });
  if (!production) throw AppError.notFound("Production not found");

  const entries: { path: string; sha256: string; size: number }[] = [];
  const loadRows: unknown[][] = [];
  const manifest = production.items.map((item) => {
    const e = item.exhibit;
    const begin = batesLabel(production.batesPrefix, item.batesStart);
    const produced = item.stamped
      ? { path: `IMAGES/${begin}.pdf`, sha256: item.stamped.sha256, size: Number(item.stamped.size) }
      : { path: `NATIVES/${begin}${extensionOf(e.originalFilename) ? `.${extensionOf(e.originalFilename)}` : ""}`, sha256: e.blobSha256, size: Number(e.blob.size) };
    entries.push(produced);
    loadRows.push([begin, batesLabel(production.batesPrefix, item.batesEnd), exhibitLabel(e.prefix, e.number), e.title, produced.path, e.originalFilename, item.originalSha256, produced.sha256, item.batesEnd - item.batesStart + 1, e.confidentiality]);
    return {
      exhibit: exhibitLabel(e.prefix, e.number),
      bates: { begin, end: batesLabel(production.batesPrefix, item.batesEnd) },
      original: { fileName: e.originalFilename, sha256: item.originalSha256, size: Number(e.blob.size) },
      produced: { path: produced.path, sha256: produced.sha256, size: produced.size, stamped: item.stamped !== null },
    };
  });

  for (const entry of entries) {
    if (!(await checkStoredBlob(entry.sha256)).ok) {
      throw new AppError("CONFLICT", `${entry.path} no longer matches its SHA-256 in the store; the production was not sent.`);
    }
  }
  await db.$transaction((tx) =>
    appendAudit(tx, actor, { matterId, action: "production.download", entityId: production.id, details: { files: entries.length } }),
  );

  const zip = new yazl.ZipFile();
  const out = new PassThrough();
  // yazl neither ends its output on an error nor sees a piped stream's: either must cut the download.
  zip.on("error", (error: Error) => out.destroy(error));
  const mtime = production.createdAt;
  for (const entry of entries) {
    // Opened one at a time as the zip reaches them: a large production holds one file open.
    zip.addReadStreamLazy(entry.path, { mtime, size: entry.size }, (callback) => {
      openVerified(entry.sha256).then(
        (stream) => callback(null, stream.once("error", (error) => out.destroy(error))),
        (error: Error) => callback(error, null as never),
      );
    });
  }
  zip.addBuffer(Buffer.from(writeCsv("machine", LOAD_FILE_HEADER, loadRows)), "DATA/loadfile.csv", { mtime });
  const manifestDoc = {
    production: production.name,
    matter: `${production.matter.caption}, No. ${production.matter.docketNumber}`,
    bates: { begin: batesLabel(production.batesPrefix, production.batesStart), end: batesLabel(production.batesPrefix, production.batesEnd) },
    createdAt: production.createdAt.toISOString(),
    privilegeOverrideReason: production.privilegeOverrideReason,
    items: manifest,
  };
  zip.addBuffer(Buffer.from(JSON.stringify(manifestDoc, null, 2)), "DATA/manifest.json", { mtime });
  zip.addBuffer(Buffer.from(entries.map((e) => `${e.sha256}  ${e.path}\n`).join("")), "SHA256SUMS.txt", { mtime });
  zip.end();
  zip.outputStream.pipe(out);
  return { stream: out, fileName: `${production.matter.slug}-${batesLabel(production.batesPrefix, production.batesStart)}.zip` };
}
