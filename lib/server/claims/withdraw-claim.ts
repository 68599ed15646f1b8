import "server-only";
import { AppError } from "@/lib/app-error";
import { normalizeClaimNumber } from "@/lib/claims/claim-number";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { lockClaim, recordTransition, requireTransition } from "@/lib/server/claims/transition";

export async function withdrawClaim(actor: Actor, rawNumber: string) {
  const claimRef = await ownClaimRef(actor, rawNumber);
  await db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, claimRef.matterId, claimRef.id);
    requireTransition(claim, "withdraw");
    await recordTransition(tx, actor, claim, { to: "WITHDRAWN", type: "WITHDRAWN", action: "claim.withdraw", note: "Withdrawn by the class member." });
  });
}

// Resolves a member's own claim by number; anything else is 404.
export async function ownClaimRef(actor: Actor, rawNumber: string): Promise<{ id: string; matterId: string; number: string }> {
  const number = normalizeClaimNumber(rawNumber);
  if (actor.role !== "CLASS_MEMBER" || !number) throw AppError.notFound("Claim not found");
  const claim = await db.claim.findFirst({ where: { number, claimant: { userId: actor.userId } }, select: { id: true, matterId: true, number: true } });
  if (!claim) throw AppError.notFound("Claim not found");
  return claim;
}
