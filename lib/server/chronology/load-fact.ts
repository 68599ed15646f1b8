import "server-only";
import { AppError } from "@/lib/app-error";
import type { Permission } from "@/lib/permissions";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

// A fact through the matter in the URL, authorised against the fact's own matter: another
// matter's fact, or a deleted one, is "not found".
export async function loadFactFor(actor: Actor, matterId: string, factId: string, permission: Permission = "matter.read") {
  if (!isUuid(factId)) throw AppError.notFound("Fact not found");
  const fact = await db.chronologyFact.findUnique({ where: { id: factId }, include: { sources: true, elements: true } });
  if (!fact || fact.matterId !== matterId || fact.deletedAt) throw AppError.notFound("Fact not found");
  await requirePermission(actor, fact.matterId, permission);
  return fact;
}
