import "server-only";
import { AppError } from "@/lib/app-error";
import type { TPaymentMethod, TReissueReason } from "@/lib/payments/payment-details";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { IN_REISSUE_QUEUE } from "@/lib/server/distribution/payment-queue";

export type ReissueItem = {
  claimId: string;
  number: string;
  amountCents: bigint;
  // Why it waits: it failed, it came back, or its member gave details only after the lock.
  queuedFor: TReissueReason;
  reason: string | null;
  // When it failed or came back, or when the member gave the details.
  since: Date | null;
  // How the member wants to be paid now (they may have changed it since the payment failed).
  method: TPaymentMethod | null;
  detailsChangedSince: boolean;
};

// The run's re-issue queue (payment-queue.ts), oldest first, and the count and total of each
// status, so the distribution page shows where the money stands.
export async function getReissueQueue(actor: Actor, matterId: string, runId: string, limit = 200) {
  await requirePermission(actor, matterId, "matter.read");
  const run = isUuid(runId) ? await db.distributionRun.findFirst({ where: { id: runId, matterId }, select: { id: true } }) : null;
  if (!run) throw AppError.notFound("Distribution not found");
  const [items, counts, [queued]] = await Promise.all([
    db.$queryRaw<ReissueItem[]>`
      SELECT pay."claimId", c.number, pay."amountCents",
        CASE WHEN pay.status = 'PENDING' THEN 'DETAILS_AFTER_LOCK' ELSE pay.status::text END AS "queuedFor",
        CASE WHEN pay.status = 'PENDING' THEN NULL ELSE pay.reason END AS reason,
        CASE WHEN pay.status = 'PENDING' THEN pay."detailsAfterLockAt" ELSE pay."statusAt" END AS since,
        d.method::text AS method, coalesce(pay.status <> 'PENDING' AND d."updatedAt" > pay."statusAt", false) AS "detailsChangedSince"
      FROM "Payment" pay JOIN "Claim" c ON c.id = pay."claimId" LEFT JOIN "ClaimPaymentDetails" d ON d."claimId" = pay."claimId"
      WHERE pay."runId" = ${run.id}::uuid AND ${IN_REISSUE_QUEUE}
      ORDER BY since, c.number COLLATE "C" LIMIT ${limit}`,
    db.$queryRaw<{ status: string; count: number; total: bigint }[]>`
      SELECT status::text AS status, count(*)::int AS count, coalesce(sum("amountCents"), 0)::bigint AS total
      FROM "Payment" WHERE "runId" = ${run.id}::uuid GROUP BY status`,
    db.$queryRaw<{ count: number; total: bigint; methods: TPaymentMethod[] }[]>`
      SELECT count(*)::int AS count, coalesce(sum(pay."amountCents"), 0)::bigint AS total,
        coalesce(array_agg(DISTINCT d.method::text ORDER BY d.method::text) FILTER (WHERE d.method IS NOT NULL), '{}') AS methods
      FROM "Payment" pay LEFT JOIN "ClaimPaymentDetails" d ON d."claimId" = pay."claimId"
      WHERE pay."runId" = ${run.id}::uuid AND ${IN_REISSUE_QUEUE}`,
  ]);
  const by = Object.fromEntries(counts.map((c) => [c.status, { count: c.count, totalCents: c.total }]));
  const zero = { count: 0, totalCents: 0n };
  return {
    items,
    // Every method a re-issue file would pay, beyond the listed items too.
    queued: { count: queued!.count, totalCents: queued!.total, methods: queued!.methods },
    statuses: { pending: by.PENDING ?? zero, paid: by.PAID ?? zero, failed: by.FAILED ?? zero, returned: by.RETURNED ?? zero },
  };
}
