import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import { ZRedactExhibit } from "@/lib/schemas/exhibit";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";
import { claimSubmissionKey } from "@/lib/server/idempotency";
import { enqueue } from "@/lib/server/jobs/boss";

// Records an attorney's request for a redacted copy (search terms and regions drawn on pages).
// Reading the PDF never runs on the request path: the "exhibit-redact" job makes the copy in
// the parser sandbox and verifies it (run-redaction.ts); the redaction page shows its progress.
export async function requestRedaction(actor: Actor, matterId: string, exhibitId: string, input: unknown) {
  await requirePermission(actor, matterId, "exhibits.redact");
  const { terms, regions, submissionKey } = parseInput(ZRedactExhibit, input);
  const id = uuidv7();
  const created = await db.$transaction(async (tx) => {
    const firstId = await claimSubmissionKey(tx, { key: submissionKey, actorId: actor.userId, entityType: "RedactionRequest", entityId: id });
    if (firstId) return { id: firstId, fresh: false };
    const exhibit = await findExhibitInMatter(matterId, exhibitId, tx);
    if ((exhibit.detectedType ?? exhibit.blob.mediaType) !== "application/pdf") {
      const label = exhibitLabel(exhibit.prefix, exhibit.number);
      throw new AppError("VALIDATION", `${label} is not a PDF; only PDFs can be redacted so far.`, { terms: ["Only PDF exhibits can be redacted so far."] });
    }
    await tx.redactionRequest.create({ data: { id, matterId, exhibitId, terms, regions, createdById: actor.userId } });
    await appendAudit(tx, actor, {
      matterId,
      action: "exhibit.redaction-request",
      entityId: exhibitId,
      details: { requestId: id, terms: terms.length, regions: regions.map((r) => ({ page: r.page, reason: r.reason })) },
    });
    return { id, fresh: true };
  });
  // After the commit; a lost send is re-sent by the worker's recovery (PENDING requests).
  if (created.fresh) await enqueue("exhibit-redact", { requestId: created.id }, { singletonKey: created.id });
  return db.redactionRequest.findUniqueOrThrow({ where: { id: created.id } });
}
