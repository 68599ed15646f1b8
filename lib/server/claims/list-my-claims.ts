import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";

// A class member's own claims, and nothing else; staff have no claims of their own here.
export async function listMyClaims(actor: Actor) {
  if (actor.role !== "CLASS_MEMBER") return [];
  return db.claim.findMany({
    where: { claimant: { userId: actor.userId } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      number: true,
      status: true,
      createdAt: true,
      deficiencyDueOn: true,
      matter: { select: { caption: true, slug: true } },
    },
  });
}
