import "server-only";
import { AppError } from "@/lib/app-error";
import type { TPaymentMethod } from "@/lib/payments/payment-details";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";

export type PaymentFileSummary = {
  byMethod: { method: TPaymentMethod; payments: number; totalCents: bigint }[];
  // Claims allocated money whose member has given no payment details: no file pays them.
  missing: { payments: number; totalCents: bigint };
};

// What each payment file of a distribution run would hold, for the distribution page.
export async function getPaymentFileSummary(actor: Actor, matterId: string, runId: string): Promise<PaymentFileSummary> {
  await requirePermission(actor, matterId, "matter.read");
  const run = isUuid(runId) ? await db.distributionRun.findFirst({ where: { id: runId, matterId }, select: { id: true } }) : null;
  if (!run) throw AppError.notFound("Distribution not found");
  const rows = await db.$queryRaw<{ method: TPaymentMethod | null; payments: number; total: bigint }[]>`
    SELECT p.method::text AS method, count(*)::int AS payments, coalesce(sum(a."amountCents"), 0)::bigint AS total
    FROM "Allocation" a LEFT JOIN "ClaimPaymentDetails" p ON p."claimId" = a."claimId"
    WHERE a."runId" = ${run.id}::uuid AND a."amountCents" > 0
    GROUP BY p.method ORDER BY p.method`;
  const missing = rows.find((r) => r.method === null);
  return {
    byMethod: rows.filter((r) => r.method !== null).map((r) => ({ method: r.method!, payments: r.payments, totalCents: r.total })),
    missing: { payments: missing?.payments ?? 0, totalCents: missing?.total ?? 0n },
  };
}
