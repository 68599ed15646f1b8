import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/app-error";
import { netFund, planDistribution, PlanError, type WeightGroup } from "@/lib/distribution/plan";
import { gatherWeights, ZDistributionPlan, type TDistributionPlan } from "@/lib/schemas/distribution";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";

export type SubclassTotals = { subclass: string | null; weight: number; claims: number; paid: number; raised: number; dropped: number; totalCents: string };

// Computes a preview of the distribution over every approved claim of the matter: the plan's
// few numbers from one GROUP BY (lib/distribution/plan.ts), then every claim's allocation in ONE
// INSERT … SELECT with a window function for the largest-remainder cents, then the totals from
// one GROUP BY over what was written. It reconciles to the cent (allocations + residue = net
// fund) or nothing is saved. The previous preview is replaced; a locked run stops all of this.
export async function computeDistribution(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "distribution.prepare");
  const plan = parseInput(ZDistributionPlan, gatherWeights(input as Record<string, unknown>));
  return unsafeComputeDistribution(matterId, actor, plan);
}

// No authorisation: for computeDistribution and the bench.
export async function unsafeComputeDistribution(matterId: string, actor: Pick<Actor, "userId" | "ip">, plan: TDistributionPlan) {
  const started = Date.now();
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('distribution'), hashtext(${matterId}))`;
      // The window's sort over every approved claim stays in memory rather than spilling to disk.
      await tx.$executeRaw`SET LOCAL work_mem = '256MB'`;
      const again = await tx.distributionRun.findUnique({ where: { matterId_idempotencyKey: { matterId, idempotencyKey: plan.submissionKey } }, select: { id: true } });
      if (again) return again;
      const locked = await tx.distributionRun.findFirst({ where: { matterId, status: "LOCKED" }, select: { id: true } });
      if (locked) throw new AppError("CONFLICT", "The distribution is locked; it can no longer be recomputed.");

      const weights = JSON.stringify(plan.weights);
      const groups = await tx.$queryRaw<{ subclass: string | null; count: number; asOf: Date | null }[]>`
        SELECT subclass, count(*)::int AS count, max("decidedAt") AS "asOf"
        FROM "Claim" WHERE "matterId" = ${matterId}::uuid AND status = 'APPROVED' GROUP BY subclass`;
      const approvedCount = groups.reduce((n, g) => n + g.count, 0);
      if (approvedCount === 0) throw new AppError("CONFLICT", "There are no approved claims to distribute to.");
      const weightOf = (subclass: string | null) => (subclass !== null ? plan.weights[subclass] : undefined) ?? plan.defaultWeight;
      const byWeight = new Map<number, number>();
      for (const g of groups) byWeight.set(weightOf(g.subclass), (byWeight.get(weightOf(g.subclass)) ?? 0) + g.count);
      const net = netFund(plan.grossFund, plan.attorneysFees, plan.costs, plan.adminCosts);
      let p;
      try {
        p = planDistribution(net, plan.minimumPayment, plan.minimumMode, [...byWeight].map(([weight, count]): WeightGroup => ({ weight, count })));
      } catch (error) {
        if (error instanceof PlanError) throw AppError.validation({ minimumPayment: [error.message] }, error.message);
        throw error;
      }

      // Previews are working copies: only the newest is kept.
      await tx.distributionRun.deleteMany({ where: { matterId, status: "PREVIEW" } });
      const asOf = groups.reduce<Date | null>((m, g) => (g.asOf && (!m || g.asOf > m) ? g.asOf : m), null);
      const run = await tx.distributionRun.create({
        data: {
          matterId,
          idempotencyKey: plan.submissionKey,
          grossFundCents: plan.grossFund,
          attorneysFeesCents: plan.attorneysFees,
          costsCents: plan.costs,
          adminCostsCents: plan.adminCosts,
          netFundCents: net,
          minimumPaymentCents: plan.minimumPayment,
          minimumMode: plan.minimumMode,
          weights: plan.weights,
          defaultWeight: plan.defaultWeight,
          claimCount: approvedCount,
          paidCount: 0,
          raisedCount: 0,
          droppedCount: 0,
          allocatedCents: 0n,
          residueCents: net,
          bySubclass: [],
          approvedCount,
          approvedAsOf: asOf,
          computeMs: 0,
          createdById: actor.userId,
        },
        select: { id: true },
      });

      const below = plan.minimumMode === "RAISE_TO_FLOOR" ? "RAISED" : "DROPPED";
      const belowCents = plan.minimumMode === "RAISE_TO_FLOOR" ? plan.minimumPayment : 0n;
      // W is 0 only when nothing shares the pool (every claim dropped); NULLIF keeps the
      // unused branch from dividing by zero.
      await tx.$executeRaw`
        INSERT INTO "Allocation" ("runId", "claimId", subclass, weight, kind, "amountCents")
        SELECT ${run.id}::uuid, id, subclass, w,
          CASE WHEN w < ${p.threshold}::int THEN ${below}::"AllocationKind" ELSE 'PRO_RATA'::"AllocationKind" END,
          CASE WHEN w < ${p.threshold}::int THEN ${belowCents}::bigint
               ELSE (${p.poolCents}::bigint * w) / NULLIF(${p.totalWeight}::bigint, 0)
                    + CASE WHEN rk <= ${p.leftoverCents}::bigint THEN 1 ELSE 0 END END
        FROM (
          SELECT id, subclass, w,
            row_number() OVER (PARTITION BY w < ${p.threshold}::int ORDER BY (${p.poolCents}::bigint * w) % NULLIF(${p.totalWeight}::bigint, 0) DESC, number COLLATE "C") AS rk
          FROM (
            SELECT id, number, subclass, COALESCE((${weights}::jsonb ->> subclass)::int, ${plan.defaultWeight}::int) AS w
            FROM "Claim" WHERE "matterId" = ${matterId}::uuid AND status = 'APPROVED'
          ) c
        ) s`;

      const rows = await tx.$queryRaw<{ subclass: string | null; weight: number; kind: string; amount: bigint; count: number }[]>`
        SELECT subclass, weight, kind::text AS kind, "amountCents" AS amount, count(*)::int AS count
        FROM "Allocation" WHERE "runId" = ${run.id}::uuid GROUP BY subclass, weight, kind, "amountCents"`;
      const totals = summarize(rows);
      if (totals.claims !== approvedCount) throw new Error(`distribution wrote ${totals.claims} allocations for ${approvedCount} approved claims`);
      if (totals.allocated + p.residueCents !== net || totals.allocated !== p.allocatedCents) {
        throw new Error(`distribution does not reconcile: allocated ${totals.allocated} + residue ${p.residueCents} ≠ net ${net}`);
      }
      const computeMs = Date.now() - started;
      await tx.distributionRun.update({
        where: { id: run.id },
        data: {
          paidCount: totals.paid,
          raisedCount: totals.raised,
          droppedCount: totals.dropped,
          allocatedCents: totals.allocated,
          residueCents: p.residueCents,
          minPaymentCents: totals.min,
          maxPaymentCents: totals.max,
          medianPaymentCents: totals.median,
          bySubclass: totals.bySubclass as Prisma.InputJsonArray,
          computeMs,
        },
      });
      await appendAudit(tx, actor, {
        matterId,
        action: "distribution.compute",
        entityId: run.id,
        details: {
          netFundCents: String(net),
          claims: approvedCount,
          minimumPaymentCents: String(plan.minimumPayment),
          minimumMode: plan.minimumMode,
          weights: plan.weights,
          defaultWeight: plan.defaultWeight,
          residueCents: String(p.residueCents),
        },
      });
      return run;
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
}

// Totals, min, max and median of the payments from the (subclass, weight, kind, amount) groups:
// a few rows, since every claim of one weight is paid the same to within a cent.
export function summarize(rows: { subclass: string | null; weight: number; kind: string; amount: bigint; count: number }[]) {
  const bySubclass = new Map<string, SubclassTotals>();
  let allocated = 0n;
  let claims = 0;
  let paid = 0;
  let raised = 0;
  let dropped = 0;
  for (const r of rows) {
    const amount = BigInt(r.amount);
    const key = r.subclass ?? "";
    const t = bySubclass.get(key) ?? { subclass: r.subclass, weight: r.weight, claims: 0, paid: 0, raised: 0, dropped: 0, totalCents: "0" };
    t.claims += r.count;
    if (r.kind === "DROPPED") t.dropped += r.count;
    else t.paid += r.count;
    if (r.kind === "RAISED") t.raised += r.count;
    t.totalCents = String(BigInt(t.totalCents) + amount * BigInt(r.count));
    bySubclass.set(key, t);
    allocated += amount * BigInt(r.count);
    claims += r.count;
    if (r.kind === "DROPPED") dropped += r.count;
    else paid += r.count;
    if (r.kind === "RAISED") raised += r.count;
  }
  const payments = rows.filter((r) => r.kind !== "DROPPED").map((r) => ({ amount: BigInt(r.amount), count: r.count })).sort((a, b) => (a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0));
  // The lower median: a payment some claim actually receives.
  let median: bigint | null = null;
  let seen = 0;
  for (const q of payments) {
    seen += q.count;
    if (seen >= Math.ceil(paid / 2)) {
      median = q.amount;
      break;
    }
  }
  return {
    claims,
    paid,
    raised,
    dropped,
    allocated,
    min: payments[0]?.amount ?? null,
    max: payments.at(-1)?.amount ?? null,
    median,
    bySubclass: [...bySubclass.values()].sort((a, b) => b.weight - a.weight || (a.subclass ?? "").localeCompare(b.subclass ?? "")),
  };
}
