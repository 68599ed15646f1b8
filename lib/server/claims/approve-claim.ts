import "server-only";
import { ZDecision } from "@/lib/schemas/claim";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { lockClaim, recordTransition, requireTransition } from "@/lib/server/claims/transition";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { deliverOutboxSoon } from "@/lib/server/mail/deliver-outbox";

// A decision with legal effect: attorneys only.
export async function approveClaim(actor: Actor, matterId: string, claimId: string, input: unknown = {}) {
  await requirePermission(actor, matterId, "claims.decide");
  const { reason } = parseInput(ZDecision, input);
  await db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, matterId, claimId);
    requireTransition(claim, "approve");
    await recordTransition(tx, actor, claim, {
      to: "APPROVED",
      type: "APPROVED",
      action: "claim.approve",
      note: reason,
      data: { decidedAt: new Date(), decidedBy: { connect: { id: actor.userId } }, decisionReason: reason ?? null },
    });
    const { claimant } = await tx.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { claimant: { select: { email: true } } } });
    await queueMail(tx, {
      to: claimant.email,
      subject: `Claim ${claim.number} approved`,
      text: `Your claim ${claim.number} has been approved. Payment follows once the settlement is final; we will write to you before then.\n`,
      ref: `Claim:${claim.id}`,
    });
  });
  deliverOutboxSoon();
}
