import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

// The matter's recent claim imports, newest first, for the import page.
export async function listClaimImports(actor: Actor, matterId: string, take = 20) {
  await requirePermission(actor, matterId, "claims.import");
  return db.claimImport.findMany({
    where: { matterId },
    orderBy: { createdAt: "desc" },
    take,
    include: { createdBy: { select: { name: true } }, blob: { select: { size: true } } },
  });
}
