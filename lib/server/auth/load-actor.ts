import "server-only";
import { preparedRows, type PreparedStatement } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid } from "@/lib/server/auth/policy";

// What a session cookie claims (auth.ts writes these at sign-in). Untyped: a cookie from an
// older release, or one minted elsewhere, may lack them.
export type SessionClaims = { sub?: unknown; sv?: unknown; signedInAt?: unknown };

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Actor["role"];
  disabledAt: Date | null;
  sessionVersion: number;
  mustEnrollTwoFactor: boolean;
};

const SESSION_USER: PreparedStatement = {
  name: "auth_session_user",
  text: `SELECT u.id::text AS id, u.email, u.name, u.role::text AS role, u."disabledAt", u."sessionVersion",
                u.role <> 'CLASS_MEMBER' AND u."totpEnabledAt" IS NULL
                  AND COALESCE((SELECT s."requireStaffTwoFactor" FROM "SiteSettings" s WHERE s.id = 1), false) AS "mustEnrollTwoFactor"
         FROM "User" u WHERE u.id = $1::uuid`,
};

// The session only says who signed in and when; the user row says whether they still may act.
// Re-reading it on every request means a disabled account, a sign-out or a password change ends
// every copy of the session at once (the row's sessionVersion moved on), not when a cookie expires.
// (No next/* import: the production web server's lean paths use this before Next.js loads.)
export async function loadActor(claims: SessionClaims | null | undefined, ip: string | undefined): Promise<Actor | null> {
  const { sub, sv, signedInAt } = claims ?? {};
  if (typeof sub !== "string" || !isUuid(sub) || typeof sv !== "number" || !isWithinMaxAge(signedInAt)) return null;
  // One round trip: the user and, for staff without two-factor sign-in, the site's switch.
  const [user] = await preparedRows<UserRow>(SESSION_USER, [sub]);
  if (!user || user.disabledAt || user.sessionVersion !== sv) return null;
  const actor: Actor = { userId: user.id, email: user.email, name: user.name, role: user.role, ip };
  if (user.mustEnrollTwoFactor) actor.mustEnrollTwoFactor = true;
  return actor;
}

// However active a session is, it ends SESSION_MAX_AGE_HOURS after sign-in (the cookie's own
// expiry slides with activity and only measures idleness).
export function isWithinMaxAge(signedInAt: unknown, now = Date.now()): boolean {
  return typeof signedInAt === "number" && now - signedInAt * 1000 < env.SESSION_MAX_AGE_HOURS * 3600 * 1000 && signedInAt * 1000 <= now + 60_000;
}
