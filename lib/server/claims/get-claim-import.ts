import "server-only";
import { AppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

// One import with its progress and totals (the job updates them as it reads and when it commits).
export async function getClaimImport(actor: Actor, matterId: string, importId: string) {
  await requirePermission(actor, matterId, "claims.import");
  if (!isUuid(importId)) throw AppError.notFound("Claim import not found");
  const found = await db.claimImport.findFirst({ where: { id: importId, matterId }, include: { createdBy: { select: { name: true } }, blob: { select: { size: true } } } });
  if (!found) throw AppError.notFound("Claim import not found");
  return found;
}
