import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { dateFromCalendar } from "@/lib/schemas/common";
import { ZCreateRequest } from "@/lib/schemas/evidence";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { claimSubmissionKey } from "@/lib/server/idempotency";
import { loadAllegationFor } from "@/lib/server/allegations/load-allegation";

export async function createEvidenceRequest(actor: Actor, matterId: string, allegationId: string, input: unknown) {
  const allegation = await loadAllegationFor(actor, matterId, allegationId, "evidence.request", { live: true });
  const { submissionKey, ...data } = parseInput(ZCreateRequest, input);
  if (data.assigneeId) {
    const member = await db.membership.findUnique({ where: { userId_matterId: { userId: data.assigneeId, matterId: allegation.matterId } } });
    if (!member) throw AppError.validation({ assigneeId: ["Choose a member of this matter"] });
  }
  const id = uuidv7();
  return db.$transaction(async (tx) => {
    const firstId = await claimSubmissionKey(tx, { key: submissionKey, actorId: actor.userId, entityType: "EvidenceRequest", entityId: id });
    if (firstId) return tx.evidenceRequest.findUniqueOrThrow({ where: { id: firstId } });
    const request = await tx.evidenceRequest.create({
      data: {
        id,
        matterId: allegation.matterId,
        allegationId: allegation.id,
        description: data.description,
        assigneeId: data.assigneeId ?? null,
        dueOn: dateFromCalendar(data.dueOn),
        createdById: actor.userId,
      },
    });
    await appendAudit(tx, actor, {
      matterId: allegation.matterId,
      action: "evidence-request.create",
      entityId: id,
      details: { allegationId: allegation.id, paragraph: allegation.paragraph, ...data },
    });
    return request;
  });
}
