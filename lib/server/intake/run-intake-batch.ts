import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { v7 as uuidv7 } from "uuid";
import { exhibitLabel } from "@/lib/bates/format";
import { checkFileName, titleFromFileName } from "@/lib/exhibit-files/file-name";
import { legacyOfficeReason } from "@/lib/exhibit-files/ooxml";
import type { ExhibitKind } from "@/lib/generated/prisma/enums";
import { normaliseEntryPath, parseLoadFile, type LoadFile } from "@/lib/intake/load-file";
import { dateFromCalendar } from "@/lib/schemas/common";
import type { TLoadFileRow } from "@/lib/schemas/intake";
import { appendAudit, appendAuditMany, type AuditActor } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { detectType, type DetectedType } from "@/lib/server/exhibits/detect-type";
import { EXTRACTABLE_TYPES } from "@/lib/server/exhibits/extractable";
import { exhibitMaxBytes } from "@/lib/server/exhibits/limits";
import { ArchiveRefused, BoundedZip, type ArchiveEntry } from "@/lib/server/intake/bounded-zip";
import { enqueueMany } from "@/lib/server/jobs/boss";
import { logger } from "@/lib/server/logger";
import { blobStore } from "@/lib/server/storage/active-blob-store";
import { openVerified, readVerified } from "@/lib/server/storage/open-verified";

// Entries up to this size are inflated into memory (hashed, sniffed, stored from the buffer);
// larger ones are streamed into the store.
const IN_MEMORY_BYTES = 64 * 1024 * 1024;
// An e-mail is parsed for its attachments only up to this size; a larger one is kept whole.
const EMAIL_PARSE_BYTES = 50 * 1024 * 1024;
const MAX_ATTACHMENTS = 500;
// One transaction numbers this many ZIP entries (with their attachments).
const CHUNK_ENTRIES = 250;
const CHUNK_BYTES = 128 * 1024 * 1024;
// Blobs written at once: each write ends with an fsync, whose wait overlaps the others'.
const STORE_PARALLEL = 16;

type Metadata = Omit<TLoadFileRow, "path">;

type PreparedFile = {
  kind: "file";
  path: string;
  fileName: string;
  sha256: string;
  size: number;
  type: DetectedType;
  // Held until its chunk stores it (only blobs the store lacks are written); null once stored,
  // or for a large entry streamed into the store as it was read.
  bytes: Buffer | null;
  storageKey: string | null;
  metadata: Metadata | null;
  // From the e-mail's own Subject, when no load file gave a title.
  subject: string | null;
  children: Prepared[];
};
type Prepared = PreparedFile | { kind: "failed"; path: string; reason: string; sha256?: string };

type Batch = { id: string; matterId: string; createdById: string; loadFileName: string | null; loadFileSha256: string | null; archiveSha256: string };

// The intake job (queue "intake-batch"): every file of the batch's ZIP becomes an exhibit, in
// the ZIP's order, an e-mail's attachments numbered right after it as its children. One bad
// file fails only itself, with its reason, in the batch's failure report. A re-run over files
// already taken in — the same path with the same SHA-256 — numbers nothing again; a retry of
// this job after a crash resumes after the files it had already recorded.
export async function unsafeRunIntakeBatch(batchId: string): Promise<void> {
  const batch = await db.intakeBatch.findUnique({ where: { id: batchId } });
  if (!batch || batch.status === "DONE" || batch.status === "FAILED") return;
  await db.intakeBatch.update({ where: { id: batchId }, data: { status: "RUNNING", startedAt: batch.startedAt ?? new Date() } });
  const actor: AuditActor = { userId: batch.createdById };

  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "proofline-intake-"));
  let zip: BoundedZip | null = null;
  try {
    const loadFile = batch.loadFileSha256 ? parseLoadFile((await readVerified(batch.loadFileSha256)).toString("utf8")) : null;
    // A local copy, re-verified against its hash on the way: yauzl reads the directory at the
    // end of the file and seeks to each entry.
    const copy = path.join(dir, "batch.zip");
    await pipeline(await openVerified(batch.archiveSha256), fs.createWriteStream(copy));
    try {
      zip = await BoundedZip.open(copy);
    } catch (error) {
      if (error instanceof ArchiveRefused) return await finish(batch, actor, error.message);
      throw error;
    }
    await db.intakeBatch.update({ where: { id: batchId }, data: { totalFiles: zip.files.length } });
    const done = new Set((await db.intakeItem.findMany({ where: { batchId }, select: { path: true } })).map((i) => i.path));
    // Paths recorded in this batch: a ZIP may name one path twice ("a.txt" and "./a.txt").
    const used = new Set(done);

    let chunk: Prepared[] = [];
    let chunkBytes = 0;
    let entries = 0;
    // One chunk commits (its blobs written, its rows inserted) while the next is read: reading
    // is CPU, committing mostly waits on fsync and the database. Commits stay in ZIP order.
    let committing: Promise<void> = Promise.resolve();
    for (const file of zip.files) {
      if (done.has(normaliseEntryPath(file.path))) continue;
      chunk.push(await prepare(zip, file, loadFile));
      entries++;
      chunkBytes += file.uncompressedSize;
      if (chunk.length >= CHUNK_ENTRIES || chunkBytes >= CHUNK_BYTES) {
        const [full, count] = [chunk, entries];
        await committing;
        committing = commitChunk(batch, actor, full, count, used);
        // Awaited before the next commit or at the end, where a failure is thrown.
        committing.catch(() => undefined);
        chunk = [];
        chunkBytes = 0;
        entries = 0;
      }
    }
    await committing;
    // Rows of the load file that name no file of the ZIP: the person expected those files.
    if (loadFile) {
      const inZip = new Set(zip.files.map((f) => normaliseEntryPath(f.path)));
      for (const [p, { row }] of loadFile.rows) {
        if (!inZip.has(p) && !done.has(p)) chunk.push({ kind: "failed", path: p, reason: `Listed in the load file (row ${row}) but not in the ZIP.` });
      }
      loadFile.problems.forEach((problem, i) => {
        const key = `${batch.loadFileName ?? "load file"} (problem ${i + 1})`;
        if (!done.has(key)) chunk.push({ kind: "failed", path: key, reason: problem });
      });
    }
    if (chunk.length) await commitChunk(batch, actor, chunk, entries, used);
    await finish(batch, actor, null);
  } finally {
    zip?.close();
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

async function prepare(zip: BoundedZip, file: ArchiveEntry, loadFile: LoadFile | null): Promise<Prepared> {
  const entryPath = normaliseEntryPath(file.path);
  const failed = (reason: string): Prepared => ({ kind: "failed", path: entryPath, reason });
  const fileName = entryPath.split("/").pop() ?? "";
  const name = checkFileName(fileName);
  if (!name.ok) return failed(name.reason);
  const refusal = BoundedZip.refusal(file);
  if (refusal) return failed(refusal);
  if (file.uncompressedSize > exhibitMaxBytes()) return failed(`The file is larger than the ${Math.round(exhibitMaxBytes() / (1 << 20))} MiB limit for one exhibit.`);
  const rowError = loadFile?.rowErrors.get(entryPath);
  if (rowError) return failed(rowError.reason);
  const metadata = loadFile?.rows.get(entryPath)?.metadata ?? null;
  try {
    if (file.uncompressedSize > IN_MEMORY_BYTES) return await prepareLarge(zip, file, entryPath, name.name, metadata);
    const bytes = await zip.read(file);
    const prepared = await prepareBytes(bytes, entryPath, name.name, metadata);
    if (prepared.kind === "file" && prepared.type.mediaType === "message/rfc822" && bytes.length <= EMAIL_PARSE_BYTES) {
      await addAttachments(prepared, bytes, loadFile);
    }
    return prepared;
  } catch (error) {
    return failed(reasonOf(error));
  }
}

async function prepareBytes(bytes: Buffer, entryPath: string, fileName: string, metadata: Metadata | null): Promise<Prepared> {
  if (bytes.length === 0) return { kind: "failed", path: entryPath, reason: "The file is empty." };
  let type: DetectedType;
  try {
    type = await detectType(bytes.subarray(0, 4100), fileName, bytes.length <= 4100);
  } catch (error) {
    return { kind: "failed", path: entryPath, reason: reasonOf(error) };
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { kind: "file", path: entryPath, fileName, sha256, size: bytes.length, type, bytes, storageKey: null, metadata, subject: null, children: [] };
}

async function prepareLarge(zip: BoundedZip, file: ArchiveEntry, entryPath: string, fileName: string, metadata: Metadata | null): Promise<Prepared> {
  let type: DetectedType | undefined;
  const staged = await (await blobStore()).stage(await zip.stream(file), {
    maxBytes: exhibitMaxBytes(),
    inspectHead: async (head) => {
      type = await detectType(head, fileName, false);
    },
  });
  const storageKey = await staged.commit();
  return { kind: "file", path: entryPath, fileName, sha256: staged.sha256, size: staged.size, type: type!, bytes: null, storageKey, metadata, subject: null, children: [] };
}

// An e-mail's attachments become its children. An attachment that is itself an e-mail or an
// archive is kept as a file and not opened: nothing nests further.
async function addAttachments(parent: PreparedFile, bytes: Buffer, loadFile: LoadFile | null): Promise<void> {
  const { simpleParser } = await import("mailparser");
  let mail;
  try {
    mail = await simpleParser(bytes, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (error) {
    // The e-mail is kept as an exhibit; its attachments could not be separated.
    logger.warn({ err: error, path: parent.path }, "could not parse an e-mail's attachments");
    return;
  }
  parent.subject = mail.subject?.trim().slice(0, 300) || null;
  const attachments = mail.attachments.slice(0, MAX_ATTACHMENTS);
  for (const [i, attachment] of attachments.entries()) {
    // Names come from the sender: only the last path segment is kept, control characters dropped.
    const raw = (attachment.filename ?? "").split(/[/\\]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, "").trim();
    const fileName = raw && raw !== "." && raw !== ".." ? raw.slice(0, 255) : `attachment-${i + 1}`;
    const childPath = `${parent.path}/${i + 1}/${fileName}`;
    const rowError = loadFile?.rowErrors.get(childPath);
    if (rowError) {
      parent.children.push({ kind: "failed", path: childPath, reason: rowError.reason });
      continue;
    }
    try {
      parent.children.push(await prepareBytes(attachment.content, childPath, fileName, loadFile?.rows.get(childPath)?.metadata ?? null));
    } catch (error) {
      parent.children.push({ kind: "failed", path: childPath, reason: reasonOf(error) });
    }
  }
  if (mail.attachments.length > MAX_ATTACHMENTS) {
    parent.children.push({ kind: "failed", path: `${parent.path}/attachments`, reason: `The e-mail has ${mail.attachments.length} attachments; the first ${MAX_ATTACHMENTS} were taken in.` });
  }
}

type ExhibitRow = {
  id: string;
  matterId: string;
  number: number;
  prefix: string;
  title: string;
  kind: ExhibitKind;
  source: string | null;
  custodian: string | null;
  obtainedAt: Date | null;
  collectedBy: string | null;
  originalFilename: string;
  blobSha256: string;
  detectedType: string;
  extractionStatus: "QUEUED" | "NOT_APPLICABLE";
  extractionError: string | null;
  parentExhibitId: string | null;
  duplicateOfExhibitId: string | null;
  createdById: string;
};

type ItemRow = { id: string; batchId: string; matterId: string; path: string; sha256: string | null; status: "COMMITTED" | "SKIPPED" | "FAILED"; exhibitId: string | null; reason: string | null };

// Numbers one chunk in one transaction, under the matter's row lock (as single uploads are), so
// numbers stay consecutive, a family's children follow their parent, and two runs over the same
// files cannot both number them.
async function commitChunk(batch: Batch, actor: AuditActor, chunk: Prepared[], entries: number, used: Set<string>): Promise<void> {
  const files = chunk.flatMap((p) => (p.kind === "file" ? [p, ...p.children.filter((c): c is PreparedFile => c.kind === "file")] : []));
  await storeBlobs(files);
  const extract = await db.$transaction(
    async (tx) => {
      const [matter] = await tx.$queryRaw<{ exhibitPrefix: string; nextExhibitNumber: number }[]>`
        SELECT "exhibitPrefix", "nextExhibitNumber" FROM "Matter" WHERE id = ${batch.matterId}::uuid FOR UPDATE`;
      if (!matter) throw new Error(`matter ${batch.matterId} is gone`);
      const paths = files.map((f) => f.path);
      const shas = files.map((f) => f.sha256);
      type Known = { id: string; prefix: string; number: number };
      const earlier = new Map<string, Known>();
      for (const r of await tx.$queryRaw<(Known & { path: string; sha256: string })[]>`
        SELECT i.path, i.sha256, e.id, e.prefix, e.number FROM "IntakeItem" i JOIN "Exhibit" e ON e.id = i."exhibitId"
        WHERE i."matterId" = ${batch.matterId}::uuid AND i.status = 'COMMITTED'
          AND (i.path, i.sha256) IN (SELECT * FROM unnest(${paths}::text[], ${shas}::text[]))`) {
        earlier.set(`${r.path}\u0000${r.sha256}`, r);
      }
      const bySha = new Map<string, Known>();
      for (const r of await tx.$queryRaw<(Known & { sha256: string })[]>`
        SELECT DISTINCT ON ("blobSha256") "blobSha256" AS sha256, id, prefix, number FROM "Exhibit"
        WHERE "matterId" = ${batch.matterId}::uuid AND "blobSha256" = ANY(${[...new Set(shas)]}::text[]) ORDER BY "blobSha256", number`) {
        bySha.set(r.sha256, r);
      }
      const blobs = new Map(files.map((f) => [f.sha256, f]));
      if (blobs.size) {
        const list = [...blobs.values()];
        await tx.$executeRaw`
          INSERT INTO "Blob" (sha256, size, "mediaType", "storageKey")
          SELECT * FROM unnest(${list.map((f) => f.sha256)}::text[], ${list.map((f) => f.size)}::bigint[], ${list.map((f) => f.type.mediaType)}::text[], ${list.map((f) => f.storageKey!)}::text[])
          ON CONFLICT (sha256) DO NOTHING`;
      }

      let next = matter.nextExhibitNumber;
      const exhibits: ExhibitRow[] = [];
      const items: ItemRow[] = [];
      const audits: Parameters<typeof appendAuditMany<"exhibit.upload">>[2] = [];
      const item = (p: Prepared, status: ItemRow["status"], exhibitId: string | null, reason: string | null) => {
        // A second entry with a path already recorded is kept apart (its report row says which).
        let path = p.path;
        for (let n = 2; used.has(path); n++) path = `${p.path} (entry ${n})`;
        used.add(path);
        items.push({ id: uuidv7(), batchId: batch.id, matterId: batch.matterId, path, sha256: p.kind === "file" ? p.sha256 : (p.sha256 ?? null), status, exhibitId, reason });
      };
      const number = (f: PreparedFile, parent: Known | null, duplicateOf: Known | null): Known => {
        const id = uuidv7();
        const n = next++;
        const label = exhibitLabel(matter.exhibitPrefix, n);
        exhibits.push({
          id,
          matterId: batch.matterId,
          number: n,
          prefix: matter.exhibitPrefix,
          title: f.metadata?.title ?? f.subject ?? titleFromFileName(f.fileName),
          kind: f.type.kind,
          source: f.metadata?.source ?? null,
          custodian: f.metadata?.custodian ?? null,
          obtainedAt: dateFromCalendar(f.metadata?.obtainedAt),
          // Only what the load file records: the person who ran the intake did not collect the files.
          collectedBy: f.metadata?.collectedBy ?? null,
          originalFilename: f.fileName,
          blobSha256: f.sha256,
          detectedType: f.type.mediaType,
          extractionStatus: EXTRACTABLE_TYPES.has(f.type.mediaType) ? "QUEUED" : "NOT_APPLICABLE",
          extractionError: f.type.mediaType === "application/x-cfb" ? legacyOfficeReason(f.fileName) : null,
          parentExhibitId: parent?.id ?? null,
          duplicateOfExhibitId: duplicateOf?.id ?? null,
          createdById: batch.createdById,
        });
        audits.push({
          matterId: batch.matterId,
          action: "exhibit.upload",
          entityId: id,
          details: {
            number: label,
            fileName: f.fileName,
            sha256: f.sha256,
            size: f.size,
            mediaType: f.type.mediaType,
            intake: { batchId: batch.id, path: f.path },
            ...(parent ? { parent: exhibitLabel(parent.prefix, parent.number) } : {}),
            ...(duplicateOf ? { duplicateOf: exhibitLabel(duplicateOf.prefix, duplicateOf.number) } : {}),
            ...(f.metadata && Object.keys(f.metadata).length ? { metadata: f.metadata } : {}),
          },
        });
        const known = { id, prefix: matter.exhibitPrefix, number: n };
        if (!bySha.has(f.sha256)) bySha.set(f.sha256, known);
        return known;
      };

      for (const p of chunk) {
        if (p.kind === "failed") {
          item(p, "FAILED", null, p.reason);
          continue;
        }
        const before = earlier.get(`${p.path}\u0000${p.sha256}`);
        const same = before ?? bySha.get(p.sha256);
        if (same) {
          const label = exhibitLabel(same.prefix, same.number);
          item(p, "SKIPPED", same.id, before ? `Already taken in as ${label} (same path, same bytes).` : `Same bytes as ${label}; not numbered again.`);
          for (const c of p.children) item(c, "SKIPPED", null, `Its e-mail is already ${label}.`);
          continue;
        }
        const parent = number(p, null, null);
        item(p, "COMMITTED", parent.id, null);
        for (const c of p.children) {
          if (c.kind === "failed") {
            item(c, "FAILED", null, c.reason);
            continue;
          }
          // The family stays whole: an attachment whose bytes are already an exhibit is numbered
          // with its e-mail all the same, marked as a duplicate of the earlier one.
          const duplicateOf = bySha.get(c.sha256) ?? null;
          const child = number(c, parent, duplicateOf);
          item(c, "COMMITTED", child.id, duplicateOf ? `Duplicate of ${exhibitLabel(duplicateOf.prefix, duplicateOf.number)}.` : null);
        }
      }

      // One statement per table: Prisma's createMany costs seconds per chunk of this size.
      if (exhibits.length) {
        await tx.$executeRaw`
          INSERT INTO "Exhibit" (id, "matterId", number, prefix, title, kind, source, custodian, "obtainedAt", "collectedBy", "originalFilename",
                                 "blobSha256", "detectedType", "extractionStatus", "extractionError", "parentExhibitId", "duplicateOfExhibitId", "createdById", "updatedAt")
          SELECT id, "matterId", number, prefix, title, kind::"ExhibitKind", source, custodian, "obtainedAt", "collectedBy", "originalFilename",
                 "blobSha256", "detectedType", "extractionStatus"::"ExtractionStatus", "extractionError", "parentExhibitId", "duplicateOfExhibitId", "createdById", now()
          FROM jsonb_to_recordset(${JSON.stringify(exhibits)}::jsonb) AS t(id uuid, "matterId" uuid, number int, prefix text, title text, kind text, source text,
               custodian text, "obtainedAt" timestamptz, "collectedBy" text, "originalFilename" text, "blobSha256" text, "detectedType" text,
               "extractionStatus" text, "extractionError" text, "parentExhibitId" uuid, "duplicateOfExhibitId" uuid, "createdById" uuid)`;
        await tx.matter.update({ where: { id: batch.matterId }, data: { nextExhibitNumber: next } });
      }
      await tx.$executeRaw`
        INSERT INTO "IntakeItem" (id, "batchId", "matterId", path, sha256, status, "exhibitId", reason)
        SELECT id, "batchId", "matterId", path, sha256, status::"IntakeItemStatus", "exhibitId", reason
        FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS t(id uuid, "batchId" uuid, "matterId" uuid, path text, sha256 text, status text, "exhibitId" uuid, reason text)`;
      await appendAuditMany(tx, actor, audits);
      const count = (s: ItemRow["status"]) => items.filter((i) => i.status === s).length;
      await tx.intakeBatch.update({
        where: { id: batch.id },
        data: {
          processedFiles: { increment: entries },
          committedFiles: { increment: count("COMMITTED") },
          skippedFiles: { increment: count("SKIPPED") },
          failedFiles: { increment: count("FAILED") },
        },
      });
      return exhibits.filter((e) => e.extractionStatus === "QUEUED").map((e) => e.id);
    },
    { timeout: 120_000 },
  );
  // Lost sends are found again at worker start (extract-exhibit-text.ts's recovery).
  await enqueueMany(
    "exhibit-extract",
    extract.map((exhibitId) => ({ data: { exhibitId }, singletonKey: exhibitId })),
  ).catch((err: unknown) => logger.error({ err, batchId: batch.id }, "could not enqueue text extraction for an intake chunk"));
}

// Writes the chunk's blobs the store does not hold yet (a re-run writes none), before the
// transaction that refers to them, as single uploads do.
async function storeBlobs(files: PreparedFile[]): Promise<void> {
  const pending = files.filter((f) => f.bytes);
  if (pending.length === 0) return;
  const known = new Map(
    (await db.blob.findMany({ where: { sha256: { in: [...new Set(pending.map((f) => f.sha256))] } }, select: { sha256: true, storageKey: true } })).map((b) => [b.sha256, b.storageKey]),
  );
  const toWrite = new Map<string, PreparedFile[]>();
  for (const f of pending) {
    const key = known.get(f.sha256);
    if (key) {
      f.storageKey = key;
      f.bytes = null;
    } else toWrite.set(f.sha256, [...(toWrite.get(f.sha256) ?? []), f]);
  }
  const store = await blobStore();
  const queue = [...toWrite.values()];
  await Promise.all(
    Array.from({ length: Math.min(STORE_PARALLEL, queue.length) }, async () => {
      for (let group = queue.shift(); group; group = queue.shift()) {
        const stored = await store.put([group[0]!.bytes!]);
        if (stored.sha256 !== group[0]!.sha256) throw new Error(`the store hashed ${group[0]!.path} as ${stored.sha256}, not ${group[0]!.sha256}`);
        for (const f of group) {
          f.storageKey = stored.storageKey;
          f.bytes = null;
        }
      }
    }),
  );
}

async function finish(batch: Batch, actor: AuditActor, error: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const counts = await tx.intakeItem.groupBy({ by: ["status"], where: { batchId: batch.id }, _count: true });
    const n = (s: string) => counts.find((c) => c.status === s)?._count ?? 0;
    const status = error ? "FAILED" : "DONE";
    await tx.intakeBatch.update({
      where: { id: batch.id },
      data: { status, error, finishedAt: new Date(), committedFiles: n("COMMITTED"), skippedFiles: n("SKIPPED"), failedFiles: n("FAILED") },
    });
    await appendAudit(tx, actor, {
      matterId: batch.matterId,
      action: "intake.finish",
      entityId: batch.id,
      details: { status, committed: n("COMMITTED"), skipped: n("SKIPPED"), failed: n("FAILED"), error },
    });
  });
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.slice(0, 500);
}

// Batches whose job was lost between commit and send (or whose worker died): re-sent at worker start.
export async function unsafeFindLostIntakeBatches(): Promise<{ data: { batchId: string }; singletonKey: string }[]> {
  const open = await db.intakeBatch.findMany({ where: { status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true } });
  return open.map((b) => ({ data: { batchId: b.id }, singletonKey: b.id }));
}
