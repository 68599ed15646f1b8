import "server-only";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZUnlinkEvidence } from "@/lib/schemas/evidence";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";

// The link row stays (removedAt, who, why) and the audit keeps both events; the status view
// ignores removed links.
export async function unlinkEvidence(actor: Actor, matterId: string, linkId: string, input: unknown) {
  if (!isUuid(linkId)) throw AppError.notFound("Link not found");
  const link = await db.evidenceLink.findUnique({ where: { id: linkId } });
  if (!link || link.matterId !== matterId) throw AppError.notFound("Link not found");
  await requirePermission(actor, link.matterId, "evidence.link");
  const { reason } = parseInput(ZUnlinkEvidence, input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.evidenceLink.updateMany({
      where: { id: linkId, removedAt: null },
      data: { removedAt: new Date(), removedById: actor.userId, removalReason: reason },
    });
    if (count === 0) throw new AppError("CONFLICT", "This link was already removed.");
    await appendAudit(tx, actor, {
      matterId: link.matterId,
      action: "evidence.unlink",
      entityId: linkId,
      details: { allegationId: link.allegationId, exhibitId: link.exhibitId, relation: link.relation, reason },
    });
    return tx.evidenceLink.findUniqueOrThrow({ where: { id: linkId } });
  });
}
