import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";

// The matter comes from the plaintiff row, never from the URL, so a plaintiff id from another
// matter is "not found" even inside a matter the actor can see.
export async function getPlaintiff(actor: Actor, matterId: string, plaintiffId: string) {
  if (!isUuid(plaintiffId)) throw AppError.notFound("Plaintiff not found");
  const plaintiff = await db.plaintiff.findUnique({ where: { id: plaintiffId } });
  if (!plaintiff || plaintiff.matterId !== matterId) throw AppError.notFound("Plaintiff not found");
  await requirePermission(actor, plaintiff.matterId, "matter.read");
  return plaintiff;
}
