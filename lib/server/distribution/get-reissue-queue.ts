import "server-only";
import { AppError } from "@/lib/app-error";
import type { TPaymentMethod } from "@/lib/payments/payment-details";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";

export type ReissueItem = {
  claimId: string;
  number: string;
  amountCents: bigint;
  status: "FAILED" | "RETURNED";
  reason: string | null;
  statusAt: Date | null;
  // How the member wants to be paid now (they may have changed it since the payment failed).
  method: TPaymentMethod | null;
  detailsChangedSince: boolean;
};

// Payments of the run that failed or came back and are not re-issued yet (a re-issue file puts
// them back to PENDING), oldest first, and the count and total of each status, so the
// distribution page shows where the money stands.
export async function getReissueQueue(actor: Actor, matterId: string, runId: string, limit = 200) {
  await requirePermission(actor, matterId, "matter.read");
  const run = isUuid(runId) ? await db.distributionRun.findFirst({ where: { id: runId, matterId }, select: { id: true } }) : null;
  if (!run) throw AppError.notFound("Distribution not found");
  const [items, counts] = await Promise.all([
    db.$queryRaw<ReissueItem[]>`
      SELECT p."claimId", c.number, p."amountCents", p.status::text AS status, p.reason, p."statusAt",
        d.method::text AS method, coalesce(d."updatedAt" > p."statusAt", false) AS "detailsChangedSince"
      FROM "Payment" p JOIN "Claim" c ON c.id = p."claimId" LEFT JOIN "ClaimPaymentDetails" d ON d."claimId" = p."claimId"
      WHERE p."runId" = ${run.id}::uuid AND p.status IN ('FAILED', 'RETURNED')
      ORDER BY p."statusAt", c.number COLLATE "C" LIMIT ${limit}`,
    db.$queryRaw<{ status: string; count: number; total: bigint }[]>`
      SELECT status::text AS status, count(*)::int AS count, coalesce(sum("amountCents"), 0)::bigint AS total
      FROM "Payment" WHERE "runId" = ${run.id}::uuid GROUP BY status`,
  ]);
  const by = Object.fromEntries(counts.map((c) => [c.status, { count: c.count, totalCents: c.total }]));
  const zero = { count: 0, totalCents: 0n };
  return { items, statuses: { pending: by.PENDING ?? zero, paid: by.PAID ?? zero, failed: by.FAILED ?? zero, returned: by.RETURNED ?? zero } };
}
