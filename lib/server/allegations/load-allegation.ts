import "server-only";
import { AppError } from "@/lib/app-error";
import type { Permission } from "@/lib/permissions";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";

// Finds an allegation through the matter in the URL and authorises against the allegation's own
// matter: an id from another matter is "not found" even inside a matter the actor can see.
// `live` is for changes that build on the allegation (new evidence, requests for it): a ¶ an
// amended complaint withdrew is kept, with its links, as the record of what was once pleaded, but
// nothing new is attached to it.
export async function loadAllegationFor(actor: Actor, matterId: string, allegationId: string, permission: Permission = "matter.read", opts: { live?: boolean } = {}) {
  if (!isUuid(allegationId)) throw AppError.notFound("Allegation not found");
  const allegation = await db.allegation.findUnique({ where: { id: allegationId } });
  if (!allegation || allegation.matterId !== matterId) throw AppError.notFound("Allegation not found");
  await requirePermission(actor, allegation.matterId, permission);
  if (opts.live && allegation.withdrawnAt) {
    throw new AppError("CONFLICT", `¶ ${allegation.paragraphLabel || allegation.paragraph} was withdrawn by an amended complaint: nothing new can be attached to it.`);
  }
  return allegation;
}
