import "server-only";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZRevokeOptOut } from "@/lib/schemas/settlement-response";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";

// The class member withdrew their request for exclusion (by letter, e-mail or call to the
// administrator): staff record it with the reason. The member is back in the class; the row and
// its flags stay for the record. Only an active opt-out can be revoked.
export async function revokeOptOut(actor: Actor, matterId: string, optOutId: string, input: unknown) {
  await requirePermission(actor, matterId, "opt-outs.revoke");
  if (!isUuid(optOutId)) throw AppError.notFound("Opt-out not found");
  const { reason } = parseInput(ZRevokeOptOut, input);
  return db.$transaction(async (tx) => {
    const optOut = await tx.optOut.findFirst({ where: { id: optOutId, matterId }, select: { id: true, number: true, status: true } });
    if (!optOut) throw AppError.notFound("Opt-out not found");
    const updated = await tx.optOut.updateMany({
      where: { id: optOut.id, status: "ACTIVE" },
      data: { status: "REVOKED", revokedAt: new Date(), revokedById: actor.userId, revokedReason: reason },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", `Opt-out ${optOut.number} is already revoked.`);
    await appendAudit(tx, actor, { matterId, action: "opt-out.revoke", entityId: optOut.id, details: { number: optOut.number, reason } });
    return { number: optOut.number };
  });
}
