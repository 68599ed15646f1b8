import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

// The intake page's history of batches, newest first.
export async function listIntakeBatches(actor: Actor, matterId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const batches = await db.intakeBatch.findMany({
    where: { matterId },
    orderBy: { createdAt: "desc" },
    take: 50,
    include: { createdBy: { select: { name: true } } },
  });
  return { batches, access };
}
