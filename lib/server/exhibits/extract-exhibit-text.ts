import "server-only";
import { cleanText, searchTerms } from "@/lib/exhibit-files/text-pages";
import type { Confidentiality, ExhibitKind, Privilege } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { extractionFailureReason, type EmailHeaders } from "@/lib/server/exhibits/extract-file-text";
import { ExtractionFailed, extractInSandbox, type SandboxLimits } from "@/lib/server/sandbox/extract-in-sandbox";
import { logger } from "@/lib/server/logger";
import { readBlob } from "@/lib/server/storage/open-verified";

// Past this, loading the file into memory to parse it would hurt the worker; such exhibits are
// listed as failed with the reason rather than taking the process down.
const MAX_EXTRACT_BYTES = 256 * 1024 * 1024;

// A run that finds this many unfinished runs before it follows runs that died with the process
// (a crash the sandbox could not contain, kill -9, a power cut): the first try and one retry.
const MAX_UNFINISHED_RUNS = 2;

// Job handler (no actor: it runs as the system on an exhibit whose upload was authorised).
// `limits` defaults to the configured parser sandbox (PARSER_MEMORY_MB, PARSER_TIME_LIMIT_SECONDS).
export async function unsafeExtractExhibitText(exhibitId: string, limits?: SandboxLimits): Promise<void> {
  const exhibit = await db.exhibit.findUnique({ where: { id: exhibitId }, include: { blob: true } });
  // Only waiting or interrupted work runs: a duplicate job, or the retry of a job whose worker
  // was killed after another run finished, must not extract the file again.
  if (!exhibit || (exhibit.extractionStatus !== "QUEUED" && exhibit.extractionStatus !== "RUNNING")) return;
  if (exhibit.extractionAttempts >= MAX_UNFINISHED_RUNS) {
    logger.error({ exhibitId, attempts: exhibit.extractionAttempts }, "text extraction killed its worker twice; not parsing again");
    await db.exhibit.update({
      where: { id: exhibitId },
      data: { extractionStatus: "FAILED", extractionError: "Text extraction stopped the worker twice; the file was not parsed.", extractionAttempts: 0 },
    });
    return;
  }
  // Counted before any byte is parsed, and reset when the run ends either way: only runs that
  // died with their process stay counted.
  await db.exhibit.update({ where: { id: exhibitId }, data: { extractionStatus: "RUNNING", extractionError: null, extractionAttempts: { increment: 1 } } });
  try {
    if (exhibit.blob.size > BigInt(MAX_EXTRACT_BYTES)) throw new Error(`file is larger than ${MAX_EXTRACT_BYTES / (1 << 20)} MiB; text not extracted`);
    const bytes = await readBlob(exhibit.blob.storageKey);
    const result = await extractInSandbox(exhibit.detectedType ?? exhibit.blob.mediaType, bytes, limits);
    const pages = result.pages.map(cleanText);
    const terms = pages.map(searchTerms);
    await db.$transaction(async (tx) => {
      // Pages carry copies of the exhibit's matter, kind and designation (their foreign key
      // checks them). Reading them under a key-share lock holds off a re-designation until the
      // pages are in, so the copies cannot be stale; later changes reach the pages by cascade.
      const [copies] = await tx.$queryRaw<{ matterId: string; kind: ExhibitKind; confidentiality: Confidentiality; privilege: Privilege }[]>`
        SELECT "matterId", kind, confidentiality, privilege FROM "Exhibit" WHERE id = ${exhibitId}::uuid FOR KEY SHARE`;
      if (!copies) throw new Error("the exhibit was deleted during text extraction");
      await tx.exhibitPage.deleteMany({ where: { exhibitId } });
      await tx.exhibitPage.createMany({ data: pages.map((text, i) => ({ exhibitId, ...copies, page: i + 1, text, terms: terms[i] ?? "" })) });
      await tx.exhibit.update({
        where: { id: exhibitId },
        data: {
          extractionStatus: "DONE",
          extractionError: null,
          extractionAttempts: 0,
          pageCount: result.pageCount ?? exhibit.pageCount,
          ...(result.email ? emailFields(exhibit, result.email) : {}),
        },
      });
    });
  } catch (error) {
    const reason = error instanceof ExtractionFailed ? error.message : extractionFailureReason(error);
    logger.warn({ exhibitId, err: error }, "text extraction failed");
    await db.exhibit.update({ where: { id: exhibitId }, data: { extractionStatus: "FAILED", extractionError: reason, extractionAttempts: 0 } });
  }
}

type EmailColumns = { author: string | null; recipients: string | null; cc: string | null; subject: string | null; documentDate: Date | null };

// Filled only when empty: what a person typed wins over what the headers say. One exception: the
// extractor once wrote To and Cc together into recipients; that exact value is taken as its own
// output, not a person's, and replaced by To alone now that Cc has a column (the backfill).
function emailFields(exhibit: EmailColumns, email: EmailHeaders) {
  const oldCombined = [email.recipients, email.cc].filter(Boolean).join("; ");
  const recipientsWereExtracted = email.cc !== null && exhibit.recipients === oldCombined;
  return {
    author: exhibit.author ?? email.author,
    recipients: recipientsWereExtracted ? email.recipients : (exhibit.recipients ?? email.recipients),
    cc: exhibit.cc ?? email.cc,
    subject: exhibit.subject ?? email.subject,
    documentDate: exhibit.documentDate ?? email.date,
    emailAttachments: email.attachments,
  };
}

// Exhibits left QUEUED or RUNNING by a crash, a lost enqueue or the demo seed; the worker re-sends
// them at start. The singleton key stops a second job for an exhibit whose job is still queued.
export async function unsafeFindLostExtractions(): Promise<{ data: { exhibitId: string }; singletonKey: string }[]> {
  const stale = await db.exhibit.findMany({
    where: { extractionStatus: { in: ["QUEUED", "RUNNING"] } },
    select: { id: true },
    take: 10_000,
  });
  return stale.map((e) => ({ data: { exhibitId: e.id }, singletonKey: e.id }));
}
