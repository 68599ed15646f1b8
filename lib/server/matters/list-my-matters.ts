import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";

// The matters the actor is a member of, with their role; nobody sees a matter through any other path.
export async function listMyMatters(actor: Actor) {
  requireAccountPermission(actor, "matters.list");
  const memberships = await db.membership.findMany({
    // A token sees only the matters it was made for.
    where: { userId: actor.userId, ...(actor.token ? { matterId: { in: [...actor.token.matterIds] } } : {}) },
    include: {
      matter: {
        select: {
          id: true,
          caption: true,
          shortName: true,
          court: true,
          docketNumber: true,
          filedOn: true,
          _count: { select: { plaintiffs: true, allegations: { where: { withdrawnAt: null } }, exhibits: true, claims: true } },
        },
      },
    },
    orderBy: { matter: { caption: "asc" } },
  });
  return memberships.map((m) => ({ role: m.role, ...m.matter }));
}
