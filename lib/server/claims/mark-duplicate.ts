import "server-only";
import { AppError } from "@/lib/app-error";
import { normalizeClaimNumber } from "@/lib/claims/claim-number";
import { ZMarkDuplicate } from "@/lib/schemas/claim";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { lockClaim, recordTransition, requireTransition } from "@/lib/server/claims/transition";

export async function markDuplicate(actor: Actor, matterId: string, claimId: string, input: unknown) {
  await requirePermission(actor, matterId, "claims.decide");
  const { duplicateOfNumber, reason } = parseInput(ZMarkDuplicate, input);
  const number = normalizeClaimNumber(duplicateOfNumber);
  const bad = (m: string) => AppError.validation({ duplicateOfNumber: [m] });
  if (!number) throw bad("Not a valid claim number: check each character");
  await db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, matterId, claimId);
    requireTransition(claim, "mark-duplicate");
    // Only a claim of the same matter can be the original.
    const original = await tx.claim.findFirst({ where: { number, matterId }, select: { id: true, status: true } });
    if (!original) throw bad(`No claim ${number} in this matter`);
    if (original.id === claim.id) throw bad("A claim cannot duplicate itself");
    await recordTransition(tx, actor, claim, {
      to: "DUPLICATE",
      type: "MARKED_DUPLICATE",
      action: "claim.mark-duplicate",
      note: reason,
      data: { duplicateOf: { connect: { id: original.id } }, decidedAt: new Date(), decidedBy: { connect: { id: actor.userId } }, decisionReason: reason ?? `Duplicate of ${number}` },
      details: { duplicateOf: number },
    });
  });
}
