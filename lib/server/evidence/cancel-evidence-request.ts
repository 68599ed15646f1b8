import "server-only";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZCancelRequest } from "@/lib/schemas/evidence";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";

export async function cancelEvidenceRequest(actor: Actor, matterId: string, requestId: string, input: unknown) {
  if (!isUuid(requestId)) throw AppError.notFound("Request not found");
  const request = await db.evidenceRequest.findUnique({ where: { id: requestId } });
  if (!request || request.matterId !== matterId) throw AppError.notFound("Request not found");
  await requirePermission(actor, request.matterId, "evidence.request");
  const { reason } = parseInput(ZCancelRequest, input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.evidenceRequest.updateMany({
      where: { id: requestId, status: "OPEN" },
      data: { status: "CANCELLED", cancelReason: reason, closedAt: new Date() },
    });
    if (count === 0) throw new AppError("CONFLICT", "This request is no longer open.");
    await appendAudit(tx, actor, {
      matterId: request.matterId,
      action: "evidence-request.cancel",
      entityId: requestId,
      details: { allegationId: request.allegationId, reason },
    });
    return tx.evidenceRequest.findUniqueOrThrow({ where: { id: requestId } });
  });
}
