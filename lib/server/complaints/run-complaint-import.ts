import "server-only";
import { CURATED_TRACKER_DOMAINS } from "@/lib/analyzer/kb/tracker-domains";
import { BUILT_IN_TRACKERS } from "@/lib/complaint/propose";
import { matchParagraphs } from "@/lib/complaint/similarity";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SplitComplaintFile } from "@/lib/server/complaints/split-complaint-file";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { ExtractionFailed, runInSandbox, type SandboxLimits } from "@/lib/server/sandbox/extract-in-sandbox";
import { readBlob } from "@/lib/server/storage/open-verified";

const MAX_COMPLAINT_BYTES = 200 * 1024 * 1024;

// Job handler (no actor: it runs as the system on an import an authorised user started). Splits
// the exhibit in the parser sandbox, matches the ¶s against the matter's allegations by text
// (an amended complaint renumbers and rewords), and writes every proposal with the import's new
// status in one transaction: an import is either fully proposed or failed with its reason.
export async function unsafeRunComplaintImport(importId: string, limits?: SandboxLimits): Promise<void> {
  const run = await db.complaintImport.findUnique({ where: { id: importId }, include: { exhibit: { include: { blob: true } } } });
  if (!run || run.status !== "QUEUED") return;
  let result: SplitComplaintFile;
  try {
    if (run.exhibit.blob.size > BigInt(MAX_COMPLAINT_BYTES)) throw new ExtractionFailed(`The file is larger than ${MAX_COMPLAINT_BYTES / (1 << 20)} MiB.`);
    const bytes = await readBlob(run.exhibit.blob.storageKey);
    // The tracker knowledge base, when it has entries, names organisations and countries for the
    // hosts a ¶ mentions; the splitter's built-in list covers the rest.
    // Matter-local overrides and imported rows first, then Proofline's curated rows (the first
    // fact for a suffix wins), then the splitter's own list for anything neither names.
    const rows = await db.trackerDomain.findMany({
      where: { scope: { in: ["global", run.matterId] } },
      orderBy: [{ scope: "desc" }],
      select: { domain: true, organisation: true, parent: true, country: true },
    });
    // A complaint names the company that received the data ("umeng.com (Alibaba)"): the parent.
    const known = [...rows, ...CURATED_TRACKER_DOMAINS].map((r) => ({ suffix: r.domain, organisation: r.parent ?? r.organisation, country: r.country ?? "" }));
    const trackers = [...known, ...BUILT_IN_TRACKERS];
    result = await runInSandbox<SplitComplaintFile>("split-complaint", run.exhibit.detectedType ?? run.exhibit.blob.mediaType, bytes, limits, { trackers });
  } catch (error) {
    const reason = error instanceof ExtractionFailed ? error.message : `The complaint could not be read: ${(error as Error).message}`.slice(0, 500);
    logger.warn({ importId, err: error }, "complaint import failed");
    await db.complaintImport.updateMany({ where: { id: importId, status: "QUEUED" }, data: { status: "FAILED", failureReason: reason } });
    return;
  }
  // Withdrawn allegations are out of the ledger: a ¶ like one of them is a new ¶.
  const existing = await db.allegation.findMany({ where: { matterId: run.matterId, withdrawnAt: null }, select: { id: true, paragraphLabel: true, text: true } });
  const { matches } = matchParagraphs(
    result.paragraphs.map((p) => ({ label: p.label, text: p.text })),
    existing.map((a) => ({ id: a.id, label: a.paragraphLabel, text: a.text })),
  );
  await db.$transaction(async (tx) => {
    const claimed = await tx.complaintImport.updateMany({
      where: { id: importId, status: "QUEUED" },
      data: { status: "PARSED", parsedAt: new Date(), pageCount: result.pages, pageTexts: result.pageTexts ?? [] },
    });
    // A duplicate job already wrote this import's proposals.
    if (claimed.count === 0) return;
    await tx.complaintProposal.createMany({
      data: result.paragraphs.map((p, i) => ({
        importId,
        matterId: run.matterId,
        position: i + 1,
        label: p.label,
        sortKey: p.sortKey,
        page: p.page,
        line: p.line,
        heading: p.heading?.slice(0, 500) ?? null,
        text: p.text,
        kind: p.proposal.kind,
        countNumber: p.proposal.count,
        dataTransfer: (p.proposal.dataTransfer ?? undefined) as Prisma.InputJsonValue | undefined,
        change: matches[i]!.change,
        matchedAllegationId: matches[i]!.allegationId,
        similarity: matches[i]!.similarity,
      })),
    });
  }, { timeout: 60_000 });
}

// Imports left QUEUED by a crash or a lost send; the worker re-sends them at start.
export async function unsafeFindQueuedComplaintImports(): Promise<{ data: { importId: string }; singletonKey: string }[]> {
  const queued = await db.complaintImport.findMany({ where: { status: "QUEUED" }, select: { id: true }, take: 1000 });
  return queued.map((q) => ({ data: { importId: q.id }, singletonKey: q.id }));
}
