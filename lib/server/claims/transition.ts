import "server-only";
import { AppError } from "@/lib/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimEventType, ClaimStatus } from "@/lib/generated/prisma/enums";
import { CLAIM_TRANSITIONS, canTransition, type ClaimTransition } from "@/lib/permissions";
import type { Tx } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import type { AuditDetails } from "@/lib/audit/events";

// The audit actions a claim transition writes; each records the move plus its own facts.
export type ClaimTransitionAction =
  | "claim.verify"
  | "claim.approve"
  | "claim.reject"
  | "claim.withdraw"
  | "claim.recommend"
  | "claim.mark-duplicate"
  | "claim.mark-deficient"
  | "claim.answer-deficiency";
type TransitionFacts<A extends ClaimTransitionAction> = Omit<AuditDetails<A>, "number" | "from" | "to" | "note">;

export type ClaimRow = { id: string; matterId: string; number: string; status: ClaimStatus };

// Loads a claim of this matter, locked for the transition, or 404 (an id from another matter
// is as absent as one that never existed).
export async function lockClaim(tx: Tx, matterId: string, claimId: string): Promise<ClaimRow> {
  if (!isUuid(claimId)) throw AppError.notFound("Claim not found");
  const [claim] = await tx.$queryRaw<ClaimRow[]>`
    SELECT id, "matterId", number, status::text AS status FROM "Claim" WHERE id = ${claimId}::uuid AND "matterId" = ${matterId}::uuid FOR UPDATE`;
  if (!claim) throw AppError.notFound("Claim not found");
  return claim;
}

// The transition table (lib/permissions.ts) says from which statuses each step may start.
export function requireTransition(claim: ClaimRow, step: ClaimTransition): void {
  if (!canTransition(step, claim.status)) {
    throw new AppError("CONFLICT", `Claim ${claim.number} is ${claim.status.toLowerCase()}; it cannot be ${CLAIM_TRANSITIONS[step].verb} now.`);
  }
}

// Changes the status, records the history event and the audit row, in the caller's transaction.
export async function recordTransition<A extends ClaimTransitionAction>(
  tx: Tx,
  actor: Actor,
  claim: ClaimRow,
  t: { to: ClaimStatus | null; type: ClaimEventType; action: A; note?: string | null; data?: Prisma.ClaimUpdateInput; details?: TransitionFacts<A> },
): Promise<void> {
  await tx.claim.update({ where: { id: claim.id }, data: { ...(t.to ? { status: t.to } : {}), ...t.data } });
  await tx.claimEvent.create({
    data: { claimId: claim.id, type: t.type, fromStatus: claim.status, toStatus: t.to ?? claim.status, actorId: actor.userId, note: t.note ?? null, details: (t.details ?? {}) as Prisma.InputJsonObject },
  });
  await appendAudit(tx, actor, {
    matterId: claim.matterId,
    action: t.action,
    entityId: claim.id,
    details: { number: claim.number, from: claim.status, to: t.to ?? claim.status, note: t.note ?? null, ...t.details } as AuditDetails<A>,
  });
}
