import "server-only";
import { AppError } from "@/lib/app-error";
import type { TPaymentMethod } from "@/lib/payments/payment-details";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { IN_FIRST_FILE } from "@/lib/server/distribution/payment-queue";

export type PaymentFileSummary = {
  // What each method's first file holds (export-payment-file.ts).
  byMethod: { method: TPaymentMethod; payments: number; totalCents: bigint }[];
  // Payments whose member has given no payment details: no file pays them until they do.
  missing: { payments: number; totalCents: bigint };
  // Payments on the re-issue path instead (queued or re-issued): the re-issue files pay them.
  reissue: { payments: number; totalCents: bigint };
};

// What each payment file of a locked distribution run holds, for the distribution page. The three
// parts add up to every payment of the run.
export async function getPaymentFileSummary(actor: Actor, matterId: string, runId: string): Promise<PaymentFileSummary> {
  await requirePermission(actor, matterId, "matter.read");
  const run = isUuid(runId) ? await db.distributionRun.findFirst({ where: { id: runId, matterId }, select: { id: true } }) : null;
  if (!run) throw AppError.notFound("Distribution not found");
  const rows = await db.$queryRaw<{ method: TPaymentMethod | null; first: boolean; payments: number; total: bigint }[]>`
    SELECT p.method::text AS method, ${IN_FIRST_FILE} AS first, count(*)::int AS payments, coalesce(sum(pay."amountCents"), 0)::bigint AS total
    FROM "Payment" pay LEFT JOIN "ClaimPaymentDetails" p ON p."claimId" = pay."claimId"
    WHERE pay."runId" = ${run.id}::uuid
    GROUP BY p.method, 2 ORDER BY p.method`;
  const add = (list: typeof rows) => ({ payments: list.reduce((n, r) => n + r.payments, 0), totalCents: list.reduce((n, r) => n + r.total, 0n) });
  return {
    byMethod: rows.filter((r) => r.method !== null && r.first).map((r) => ({ method: r.method!, payments: r.payments, totalCents: r.total })),
    missing: add(rows.filter((r) => r.method === null)),
    reissue: add(rows.filter((r) => r.method !== null && !r.first)),
  };
}
