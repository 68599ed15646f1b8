import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import type { SubclassTotals } from "@/lib/server/distribution/compute-distribution";

// The matter's distribution for the staff page: the locked run if there is one, else the newest
// preview, and the subclasses of the approved claims (what the weights apply to).
export async function getDistribution(actor: Actor, matterId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const run = await db.distributionRun.findFirst({
    where: { matterId },
    orderBy: [{ status: "desc" }, { createdAt: "desc" }],
    include: { createdBy: { select: { name: true, email: true } }, lockedBy: { select: { name: true, email: true } } },
  });
  const subclasses = await db.$queryRaw<{ subclass: string | null; count: number }[]>`
    SELECT subclass, count(*)::int AS count FROM "Claim" WHERE "matterId" = ${matterId}::uuid AND status = 'APPROVED' GROUP BY subclass ORDER BY subclass NULLS LAST`;
  return {
    access,
    run: run && { ...run, bySubclass: run.bySubclass as SubclassTotals[], weights: run.weights as Record<string, number> },
    subclasses,
  };
}
