import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";

export async function getCount(actor: Actor, matterId: string, countId: string) {
  if (!isUuid(countId)) throw AppError.notFound("Count not found");
  const count = await db.count.findUnique({
    where: { id: countId },
    include: { elements: { orderBy: { position: "asc" }, include: { _count: { select: { allegations: { where: { allegation: { withdrawnAt: null } } } } } } } },
  });
  if (!count || count.matterId !== matterId) throw AppError.notFound("Count not found");
  await requirePermission(actor, count.matterId, "matter.read");
  return count;
}
