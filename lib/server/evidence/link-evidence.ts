import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError, type FieldErrors } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZLinkEvidence } from "@/lib/schemas/evidence";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { claimSubmissionKey } from "@/lib/server/idempotency";
import { loadAllegationFor } from "@/lib/server/allegations/load-allegation";

// Links an exhibit to an allegation. When the link answers an open evidence request, the request
// is fulfilled in the same transaction. A usable SUPPORTS link (non-privileged exhibit) answers an
// "unsupported" flag, so that flag is cleared too and the audit row says so; a "weak" flag stays
// until a person clears it, because only a person can judge that the support is no longer weak.
export async function linkEvidence(actor: Actor, matterId: string, allegationId: string, input: unknown) {
  const allegation = await loadAllegationFor(actor, matterId, allegationId, "evidence.link", { live: true });
  const { submissionKey, requestId, ...data } = parseInput(ZLinkEvidence, input);

  const errors: FieldErrors = {};
  // Same message whether the exhibit is in another matter or does not exist: nothing leaks.
  const exhibit = await db.exhibit.findUnique({ where: { id: data.exhibitId }, select: { id: true, matterId: true, prefix: true, number: true, privilege: true } });
  if (!exhibit || exhibit.matterId !== allegation.matterId) errors.exhibitId = ["Choose an exhibit of this matter"];
  if (requestId) {
    const request = await db.evidenceRequest.findUnique({ where: { id: requestId }, select: { allegationId: true, status: true } });
    if (!request || request.allegationId !== allegation.id) errors.requestId = ["That request is not one of this allegation's requests"];
    else if (request.status !== "OPEN") errors.requestId = ["That request is no longer open"];
  }
  if (Object.keys(errors).length || !exhibit) throw AppError.validation(errors);

  const id = uuidv7();
  return db.$transaction(async (tx) => {
    const firstId = await claimSubmissionKey(tx, { key: submissionKey, actorId: actor.userId, entityType: "EvidenceLink", entityId: id });
    if (firstId) return tx.evidenceLink.findUniqueOrThrow({ where: { id: firstId } });
    const link = await tx.evidenceLink.create({
      data: { ...data, id, matterId: allegation.matterId, allegationId: allegation.id, createdById: actor.userId },
    });
    if (requestId) {
      const { count } = await tx.evidenceRequest.updateMany({
        where: { id: requestId, status: "OPEN" },
        data: { status: "FULFILLED", fulfilledByExhibitId: exhibit.id, closedAt: new Date() },
      });
      if (count === 0) throw AppError.validation({ requestId: ["That request is no longer open"] });
    }
    const answersFlag = data.relation === "SUPPORTS" && exhibit.privilege === "NONE" && allegation.flagSeverity === "UNSUPPORTED";
    if (answersFlag) {
      await tx.allegation.update({ where: { id: allegation.id }, data: { flagSeverity: null, flagReason: null, flaggedAt: null, flaggedById: null } });
    }
    await appendAudit(tx, actor, {
      matterId: allegation.matterId,
      action: "evidence.link",
      entityId: id,
      details: {
        allegationId: allegation.id,
        paragraph: allegation.paragraph,
        exhibit: `${exhibit.prefix}-${String(exhibit.number).padStart(4, "0")}`,
        ...data,
        fulfilledRequestId: requestId ?? null,
        clearedFlag: answersFlag ? { severity: "UNSUPPORTED", reason: allegation.flagReason } : null,
      },
    });
    return link;
  });
}
