import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";

// The owner's tokens, newest first, with the matters each reaches (by caption, only those the
// owner is still a member of) — never the secret, which nobody can see again.
export async function listApiTokens(actor: Actor) {
  requireAccountPermission(actor, "account.tokens");
  const [tokens, memberships] = await Promise.all([
    db.apiToken.findMany({
      where: { userId: actor.userId, kind: "PERSONAL" },
      orderBy: { createdAt: "desc" },
      select: { id: true, name: true, access: true, matterIds: true, expiresAt: true, revokedAt: true, lastUsedAt: true, createdAt: true },
    }),
    db.membership.findMany({ where: { userId: actor.userId }, select: { matterId: true, matter: { select: { shortName: true } } } }),
  ]);
  const names = new Map(memberships.map((m) => [m.matterId, m.matter.shortName]));
  const now = Date.now();
  return tokens.map((t) => ({
    ...t,
    matters: t.matterIds.flatMap((id) => (names.has(id) ? [names.get(id)!] : [])),
    state: t.revokedAt ? ("revoked" as const) : t.expiresAt.getTime() <= now ? ("expired" as const) : ("active" as const),
  }));
}
