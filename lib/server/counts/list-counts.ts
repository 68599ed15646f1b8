import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";

// Counts with their ordered elements: the counts page and the allegation form's element picker.
export async function listCounts(actor: Actor, matterId: string) {
  await requirePermission(actor, matterId, "matter.read");
  return db.count.findMany({
    where: { matterId },
    orderBy: { number: "asc" },
    include: { elements: { orderBy: { position: "asc" }, include: { _count: { select: { allegations: { where: { allegation: { withdrawnAt: null } } } } } } } },
  });
}
