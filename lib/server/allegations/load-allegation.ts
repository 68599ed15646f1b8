import "server-only";
import { AppError } from "@/lib/app-error";
import type { Permission } from "@/lib/permissions";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";

// Finds an allegation through the matter in the URL and authorises against the allegation's own
// matter: an id from another matter is "not found" even inside a matter the actor can see.
export async function loadAllegationFor(actor: Actor, matterId: string, allegationId: string, permission: Permission = "matter.read") {
  if (!isUuid(allegationId)) throw AppError.notFound("Allegation not found");
  const allegation = await db.allegation.findUnique({ where: { id: allegationId } });
  if (!allegation || allegation.matterId !== matterId) throw AppError.notFound("Allegation not found");
  await requirePermission(actor, allegation.matterId, permission);
  return allegation;
}
