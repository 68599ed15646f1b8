import "server-only";
import { AppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

// One objection, with its document's record and the opt-out it conflicts with, if any.
export async function getObjection(actor: Actor, matterId: string, objectionId: string) {
  const access = await requirePermission(actor, matterId, "objections.read");
  if (!isUuid(objectionId)) throw AppError.notFound("Objection not found");
  const objection = await db.objection.findFirst({
    where: { id: objectionId, matterId },
    include: { document: { select: { sha256: true, size: true, mediaType: true } }, optOut: { select: { id: true, number: true, status: true } } },
  });
  if (!objection) throw AppError.notFound("Objection not found");
  return { objection, access };
}
