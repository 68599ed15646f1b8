import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";

// A class member's own claims, and nothing else; staff have no claims here (404).
export async function listMyClaims(actor: Actor) {
  requireAccountPermission(actor, "claims.own");
  return db.claim.findMany({
    where: { claimant: { userId: actor.userId } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      number: true,
      status: true,
      createdAt: true,
      deficiencyDueOn: true,
      matter: { select: { caption: true, slug: true, timeZone: true } },
    },
  });
}
