import "server-only";
import { ZReject } from "@/lib/schemas/claim";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { lockClaim, recordTransition, requireTransition } from "@/lib/server/claims/transition";

export async function rejectClaim(actor: Actor, matterId: string, claimId: string, input: unknown) {
  await requirePermission(actor, matterId, "claims.decide");
  const { reason } = parseInput(ZReject, input);
  await db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, matterId, claimId);
    requireTransition(claim, "reject");
    await recordTransition(tx, actor, claim, {
      to: "REJECTED",
      type: "REJECTED",
      action: "claim.reject",
      note: reason,
      data: { decidedAt: new Date(), decidedBy: { connect: { id: actor.userId } }, decisionReason: reason },
    });
  });
}
