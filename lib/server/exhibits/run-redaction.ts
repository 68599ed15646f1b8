import "server-only";
import { v7 as uuidv7 } from "uuid";
import { exhibitLabel } from "@/lib/bates/format";
import type { RedactTaskOutput } from "@/lib/redaction/redact-task";
import { z } from "zod";
import { ZRedactionRegion, ZRedactionTerm } from "@/lib/schemas/exhibit";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { ExtractionFailed, extractInSandbox, runInSandbox, type SandboxLimits } from "@/lib/server/sandbox/extract-in-sandbox";
import { putBuffer } from "@/lib/server/storage/active-blob-store";
import { integrityFailure, readVerified } from "@/lib/server/storage/open-verified";

// A run retried after its worker died counts as an attempt; the second such retry fails the
// request instead of parsing the file again.
const MAX_ATTEMPTS = 2;

// The request's expected failure, written for the attorney in one line.
class RedactionFailed extends Error {}

const ZStored = z.object({ terms: z.array(ZRedactionTerm), regions: z.array(ZRedactionRegion) });

// Job handler (no actor: it runs as the system on a request an attorney made; its audit rows
// are attributed to that attorney). Always starts from the collected original, with the
// redactions of the newest earlier copy applied again, so copies accumulate and never redact a
// redaction. The copy is parsed, redacted and read back in the parser sandbox (bounded in memory
// and time), then extracted afresh in another; it is kept only if no term survives in any stream,
// string or the extracted text and no glyph is left inside a region. The original is never
// written; the copy is a new blob.
export async function unsafeRunRedaction(requestId: string, limits?: SandboxLimits): Promise<void> {
  const request = await db.redactionRequest.findUnique({ where: { id: requestId }, include: { exhibit: { include: { blob: true } } } });
  if (!request || request.status === "DONE" || request.status === "FAILED") return;
  const claimed = await db.redactionRequest.updateMany({
    where: { id: requestId, status: { in: ["PENDING", "RUNNING"] } },
    data: { status: "RUNNING", attempts: { increment: 1 }, startedAt: new Date() },
  });
  if (claimed.count === 0) return;
  const actor = { userId: request.createdById };
  const { exhibit } = request;
  const label = exhibitLabel(exhibit.prefix, exhibit.number);

  const fail = async (reason: string) => {
    const line = reason.split("\n")[0]!.slice(0, 500);
    await db.$transaction(async (tx) => {
      const updated = await tx.redactionRequest.updateMany({ where: { id: requestId, status: "RUNNING" }, data: { status: "FAILED", failureReason: line, finishedAt: new Date() } });
      if (updated.count === 0) return;
      await appendAudit(tx, actor, { matterId: request.matterId, action: "exhibit.redaction-failed", entityId: exhibit.id, details: { requestId, reason: line } });
    });
  };

  try {
    if (request.attempts + 1 > MAX_ATTEMPTS) throw new RedactionFailed(`The redaction of ${label} was interrupted twice before it finished; request it again.`);
    const asked = ZStored.parse({ terms: request.terms, regions: request.regions });
    const earlier = await db.redactedCopy.findFirst({ where: { exhibitId: exhibit.id }, orderBy: { createdAt: "desc" }, include: { redactions: { orderBy: { id: "asc" } } } });
    const now = new Date();
    const terms = [
      ...(earlier?.redactions ?? []).filter((r) => r.kind === "TERM" && r.term).map((r) => ({ text: r.term!, reason: r.reason, createdById: r.createdById, createdAt: r.createdAt })),
      ...asked.terms
        .filter((t) => !earlier?.redactions.some((r) => r.kind === "TERM" && r.term?.toLowerCase() === t.text.toLowerCase()))
        .map((t) => ({ ...t, createdById: request.createdById, createdAt: now })),
    ];
    const regions = [
      ...(earlier?.redactions ?? [])
        .filter((r) => r.kind === "REGION")
        .map((r) => ({ page: r.page!, x: r.x!, y: r.y!, width: r.width!, height: r.height!, reason: r.reason, createdById: r.createdById, createdAt: r.createdAt })),
      ...asked.regions.map((r) => ({ ...r, createdById: request.createdById, createdAt: now })),
    ];
    const original = await readVerified(exhibit.blobSha256).catch((error: unknown) => {
      integrityFailure(error);
      throw new RedactionFailed(`${label}'s stored file no longer matches its SHA-256; it cannot be redacted.`);
    });
    const result = await runInSandbox<RedactTaskOutput>("redact-pdf", "application/pdf", original, limits, {
      terms: terms.map((t) => t.text),
      regions: regions.map(({ page, x, y, width, height }) => ({ page, x, y, width, height })),
    });
    const copyBytes = Buffer.from(result.bytes);
    const extracted = await extractInSandbox("application/pdf", Buffer.from(copyBytes), limits);
    // pdf.js may put NULs between the characters of a composite font's text.
    const text = extracted.pages.join("\n").replaceAll("\0", "").toLowerCase();
    const survivors = new Set(result.remainingTerms);
    for (const t of terms) if (text.includes(t.text.toLowerCase())) survivors.add(t.text);
    const left = result.remainingInRegions.reduce((n, c) => n + c, 0);
    if (survivors.size > 0 || left > 0) {
      const what = [survivors.size ? `${survivors.size === 1 ? "a search term" : `${survivors.size} search terms`}` : "", left ? `text inside ${result.remainingInRegions.filter(Boolean).length === 1 ? "a region" : "regions"}` : ""]
        .filter(Boolean)
        .join(" and ");
      const why = result.compositeFonts ? " Some of its text uses a composite (CID) font without a ToUnicode map, whose characters cannot be read here." : "";
      throw new RedactionFailed(`The redacted copy of ${label} still contained ${what}, so it was not kept.${why}`);
    }

    const stored = await putBuffer(copyBytes);
    const copyId = uuidv7();
    const redactions = [
      ...terms.map((t, i) => {
        const hits = result.counts.filter((c) => c.term === i);
        return { kind: "TERM" as const, term: t.text, reason: t.reason, occurrences: hits.reduce((n, c) => n + c.count, 0), pages: hits.map((c) => c.page), createdById: t.createdById, createdAt: t.createdAt };
      }),
      ...regions.map((r, i) => ({
        kind: "REGION" as const,
        reason: r.reason,
        occurrences: result.regionCounts[i] ?? 0,
        pages: [r.page],
        page: r.page,
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        createdById: r.createdById,
        createdAt: r.createdAt,
      })),
    ];
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`
        INSERT INTO "Blob" (sha256, size, "mediaType", "storageKey") VALUES (${stored.sha256}, ${BigInt(stored.size)}, 'application/pdf', ${stored.storageKey})
        ON CONFLICT (sha256) DO NOTHING`;
      await tx.redactedCopy.create({
        data: {
          id: copyId,
          matterId: request.matterId,
          exhibitId: exhibit.id,
          originalSha256: exhibit.blobSha256,
          redactedSha256: stored.sha256,
          pageTexts: extracted.pages,
          createdById: request.createdById,
          redactions: { createMany: { data: redactions } },
        },
      });
      const done = await tx.redactionRequest.updateMany({ where: { id: requestId, status: "RUNNING" }, data: { status: "DONE", redactedCopyId: copyId, finishedAt: new Date() } });
      // Another run finished first: this one's copy goes with the rollback.
      if (done.count === 0) throw new Error("redaction request already finished");
      await appendAudit(tx, actor, {
        matterId: request.matterId,
        action: "exhibit.redact",
        entityId: exhibit.id,
        details: {
          redactedCopyId: copyId,
          originalSha256: exhibit.blobSha256,
          redactedSha256: stored.sha256,
          redactions: redactions.map(({ kind, reason, occurrences, pages }) => ({ kind, reason, occurrences, pages })),
          verified: true,
          requestId,
        },
      });
    });
  } catch (error) {
    if (error instanceof Error && error.message === "redaction request already finished") return;
    const reason =
      error instanceof RedactionFailed
        ? error.message
        : error instanceof ExtractionFailed
          ? error.message.replace(/^Text extraction/, "Redaction")
          : `${label} could not be redacted: ${error instanceof Error ? error.message : String(error)}`;
    if (!(error instanceof RedactionFailed)) logger.warn({ requestId, err: error }, "redaction failed");
    await fail(reason);
  }
}

// Requests left PENDING or RUNNING by a crash or a lost send; the worker re-sends them at start.
export async function unsafeFindLostRedactions(): Promise<{ data: { requestId: string }; singletonKey: string }[]> {
  const lost = await db.redactionRequest.findMany({ where: { status: { in: ["PENDING", "RUNNING"] } }, select: { id: true }, take: 1000 });
  return lost.map((r) => ({ data: { requestId: r.id }, singletonKey: r.id }));
}
