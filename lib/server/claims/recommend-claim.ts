import "server-only";
import { ZRecommend } from "@/lib/schemas/claim";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { lockClaim, recordTransition, requireTransition } from "@/lib/server/claims/transition";

// Paralegals prepare the decision; the status changes only when an attorney decides.
export async function recommendClaim(actor: Actor, matterId: string, claimId: string, input: unknown) {
  await requirePermission(actor, matterId, "claims.review");
  const { recommendation, reason } = parseInput(ZRecommend, input);
  await db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, matterId, claimId);
    requireTransition(claim, "recommend");
    await recordTransition(tx, actor, claim, {
      to: null,
      type: "RECOMMENDED",
      action: "claim.recommend",
      note: reason,
      data: { recommendation },
      details: { recommendation },
    });
  });
}
