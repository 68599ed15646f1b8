import "server-only";
import { db, preparedRows, type PreparedStatement } from "@/lib/server/db";
import type { Actor, ApiTokenGrant } from "@/lib/server/auth/actor";
import { parseToken, secretMatches } from "@/lib/server/auth/api-token-secret";

type TokenRow = {
  id: string;
  secretHash: string;
  access: ApiTokenGrant["access"];
  kind: ApiTokenGrant["kind"];
  matterIds: string[];
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  userId: string;
  email: string;
  name: string;
  role: Actor["role"];
  disabledAt: Date | null;
  totpEnabledAt: Date | null;
  siteRequiresTwoFactor: boolean;
};

const TOKEN_WITH_OWNER: PreparedStatement = {
  name: "auth_token_with_owner",
  text: `SELECT t.id::text AS id, t."secretHash", t.access::text AS access, t.kind::text AS kind, t."matterIds"::text[] AS "matterIds",
                t."expiresAt", t."revokedAt", t."lastUsedAt",
                u.id::text AS "userId", u.email, u.name, u.role::text AS role, u."disabledAt", u."totpEnabledAt",
                COALESCE((SELECT s."requireStaffTwoFactor" FROM "SiteSettings" s WHERE s.id = 1), false) AS "siteRequiresTwoFactor"
         FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
         WHERE t.id = $1::uuid`,
};

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
  // One round trip: the token, its owner and the site's two-factor switch (a script's every
  // request starts here).
  const [token] = await preparedRows<TokenRow>(TOKEN_WITH_OWNER, [parsed.id]);
  if (!token || !secretMatches(parsed.secret, token.secretHash)) return { kind: "invalid" };
  if (token.revokedAt || token.expiresAt.getTime() <= Date.now() || token.disabledAt || token.role === "CLASS_MEMBER") return { kind: "invalid" };
  await touchLastUsed(token.id, token.lastUsedAt);
  const actor: Actor = {
    userId: token.userId,
    email: token.email,
    name: token.name,
    role: token.role,
    ip,
    token: { id: token.id, access: token.access, matterIds: token.matterIds, kind: token.kind },
  };
  if (!token.totpEnabledAt && token.siteRequiresTwoFactor) actor.mustEnrollTwoFactor = true;
  return { kind: "actor", actor };
}

// Reads are not audited; the owner sees when a token was last used, to the minute.
async function touchLastUsed(id: string, lastUsedAt: Date | null): Promise<void> {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < 60_000) return;
  await db.$executeRaw`UPDATE "ApiToken" SET "lastUsedAt" = now() WHERE id = ${id}::uuid AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')`;
}
