import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { staffTwoFactorRequired } from "@/lib/server/auth/policy";
import { parseToken, secretMatches } from "@/lib/server/auth/api-token-secret";

export type BearerResult = { kind: "none" } | { kind: "invalid" } | { kind: "actor"; actor: Actor };

// `Authorization: Bearer pl_…` → the token's owner, limited by the token (policy.ts and the
// route wrapper read actor.token). No header: "none", and the caller falls back to the session
// cookie. A header that is not a live token of an enabled staff account: "invalid" (401) — never
// a fallback to the cookie, so a script learns at once that its token stopped working.
// (No next/* import: the production web server's lean paths use this before Next.js loads.)
export async function actorFromBearerToken(authorization: string | null | undefined, ip: string | undefined): Promise<BearerResult> {
  if (!authorization) return { kind: "none" };
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
  const parsed = match ? parseToken(match[1]!) : null;
  if (!parsed) return { kind: "invalid" };
  const token = await db.apiToken.findUnique({
    where: { id: parsed.id },
    select: {
      id: true,
      secretHash: true,
      access: true,
      kind: true,
      matterIds: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true, totpEnabledAt: true } },
    },
  });
  if (!token || !secretMatches(parsed.secret, token.secretHash)) return { kind: "invalid" };
  const { user } = token;
  if (token.revokedAt || token.expiresAt.getTime() <= Date.now() || user.disabledAt || user.role === "CLASS_MEMBER") return { kind: "invalid" };
  await touchLastUsed(token.id, token.lastUsedAt);
  const actor: Actor = { userId: user.id, email: user.email, name: user.name, role: user.role, ip, token: { id: token.id, access: token.access, matterIds: token.matterIds, kind: token.kind } };
  if (!user.totpEnabledAt && (await staffTwoFactorRequired())) actor.mustEnrollTwoFactor = true;
  return { kind: "actor", actor };
}

// Reads are not audited; the owner sees when a token was last used, to the minute.
async function touchLastUsed(id: string, lastUsedAt: Date | null): Promise<void> {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < 60_000) return;
  await db.$executeRaw`UPDATE "ApiToken" SET "lastUsedAt" = now() WHERE id = ${id}::uuid AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')`;
}
