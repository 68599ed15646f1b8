import "server-only";
import { ZDecision } from "@/lib/schemas/claim";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { lockClaim, recordTransition, requireTransition } from "@/lib/server/claims/transition";

// Staff confirm identity and eligibility by review (a member's own email link does it too).
export async function verifyClaim(actor: Actor, matterId: string, claimId: string, input: unknown = {}) {
  await requirePermission(actor, matterId, "claims.review");
  const { reason } = parseInput(ZDecision, input);
  await db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, matterId, claimId);
    requireTransition(claim, "verify");
    await recordTransition(tx, actor, claim, { to: "VERIFIED", type: "VERIFIED", action: "claim.verify", note: reason, data: { verifiedAt: new Date() } });
  });
}
