import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import { findRemaining, redactPdf } from "@/lib/redaction/redact-pdf";
import { ZRedactExhibit } from "@/lib/schemas/exhibit";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { claimSubmissionKey } from "@/lib/server/idempotency";
import { extractInSandbox } from "@/lib/server/sandbox/extract-in-sandbox";
import { putBuffer } from "@/lib/server/storage/active-blob-store";
import { integrityFailure, readVerified } from "@/lib/server/storage/open-verified";

// Makes a redacted copy of an exhibit's PDF: always from the collected original, with the terms
// of the newest earlier copy applied again, so copies accumulate and never redact a redaction.
// The copy is kept only if the terms are gone from every stream and string of the file AND from
// the text a fresh extraction (in the parser sandbox) reads out of it; otherwise nothing is
// stored and the attorney is told which term survived.
export async function redactExhibit(actor: Actor, matterId: string, exhibitId: string, input: unknown) {
  await requirePermission(actor, matterId, "exhibits.redact");
  const { terms, submissionKey } = parseInput(ZRedactExhibit, input);
  if (!isUuid(exhibitId)) throw AppError.notFound("Exhibit not found");
  const exhibit = await db.exhibit.findFirst({
    where: { id: exhibitId, matterId },
    include: { blob: true, redactedCopies: { orderBy: { createdAt: "desc" }, take: 1, include: { redactions: true } } },
  });
  if (!exhibit) throw AppError.notFound("Exhibit not found");
  const label = exhibitLabel(exhibit.prefix, exhibit.number);
  if ((exhibit.detectedType ?? exhibit.blob.mediaType) !== "application/pdf") {
    throw new AppError("VALIDATION", `${label} is not a PDF; only PDFs can be redacted so far.`, { terms: ["Only PDF exhibits can be redacted so far."] });
  }

  const earlier = exhibit.redactedCopies[0]?.redactions ?? [];
  const all = [...earlier.map((r) => ({ text: r.term, reason: r.reason })), ...terms.filter((t) => !earlier.some((r) => r.term.toLowerCase() === t.text.toLowerCase()))];
  const original = await readVerified(exhibit.blobSha256).catch((error: unknown) => {
    integrityFailure(error);
    throw new AppError("CONFLICT", `${label}'s stored file no longer matches its SHA-256; it cannot be redacted.`);
  });
  let result: Awaited<ReturnType<typeof redactPdf>>;
  try {
    result = await redactPdf(original, all.map((t) => t.text));
  } catch (error) {
    throw new AppError("VALIDATION", `${label} could not be redacted (${(error as Error).message.slice(0, 200)}).`);
  }

  const survivors = new Set(await findRemaining(result.bytes, all.map((t) => t.text)));
  const extracted = await extractInSandbox("application/pdf", Buffer.from(result.bytes));
  const text = extracted.pages.join("\n").toLowerCase();
  for (const t of all) if (text.includes(t.text.toLowerCase())) survivors.add(t.text);
  if (survivors.size > 0) {
    const why = result.compositeFonts ? " Some of its text uses an embedded composite (CID) font whose characters cannot be edited here." : "";
    throw new AppError("VALIDATION", `The redacted copy of ${label} still contained ${survivors.size === 1 ? "a term" : `${survivors.size} terms`}, so it was not kept.${why}`, {
      terms: [...survivors].map((s) => `Still present after redaction: “${s}”`),
    });
  }

  const stored = await putBuffer(result.bytes);
  const id = uuidv7();
  const redactions = all.map((t, i) => {
    const hits = result.counts.filter((c) => c.term === i);
    return { term: t.text, reason: t.reason, occurrences: hits.reduce((n, c) => n + c.count, 0), pages: hits.map((c) => c.page) };
  });
  return db.$transaction(async (tx) => {
    const firstId = await claimSubmissionKey(tx, { key: submissionKey, actorId: actor.userId, entityType: "RedactedCopy", entityId: id });
    if (firstId) return tx.redactedCopy.findUniqueOrThrow({ where: { id: firstId }, include: { redactions: true } });
    await tx.$executeRaw`
      INSERT INTO "Blob" (sha256, size, "mediaType", "storageKey") VALUES (${stored.sha256}, ${BigInt(stored.size)}, 'application/pdf', ${stored.storageKey})
      ON CONFLICT (sha256) DO NOTHING`;
    const copy = await tx.redactedCopy.create({
      data: {
        id,
        matterId,
        exhibitId,
        originalSha256: exhibit.blobSha256,
        redactedSha256: stored.sha256,
        pageTexts: extracted.pages,
        createdById: actor.userId,
        redactions: { create: redactions },
      },
      include: { redactions: true },
    });
    await appendAudit(tx, actor, {
      matterId,
      action: "exhibit.redact",
      entityId: exhibitId,
      details: {
        redactedCopyId: id,
        originalSha256: exhibit.blobSha256,
        redactedSha256: stored.sha256,
        redactions: redactions.map(({ reason, occurrences, pages }) => ({ reason, occurrences, pages })),
        verified: true,
      },
    });
    return copy;
  });
}
