import "server-only";
import { AppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

// One request for exclusion, with the claims and objections by the same person.
export async function getOptOut(actor: Actor, matterId: string, optOutId: string) {
  const access = await requirePermission(actor, matterId, "opt-outs.read");
  if (!isUuid(optOutId)) throw AppError.notFound("Opt-out not found");
  const optOut = await db.optOut.findFirst({
    where: { id: optOutId, matterId },
    include: {
      revokedBy: { select: { name: true } },
      matches: { orderBy: { createdAt: "asc" }, include: { claim: { select: { id: true, number: true, status: true, createdAt: true, claimant: { select: { fullName: true } } } } } },
      objections: { orderBy: { createdAt: "asc" }, select: { id: true, number: true, createdAt: true } },
    },
  });
  if (!optOut) throw AppError.notFound("Opt-out not found");
  return { optOut, access };
}
