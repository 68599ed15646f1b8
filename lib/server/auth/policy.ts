import "server-only";
import { AppError } from "@/lib/app-error";
import { accountHas, roleHas, type AccountPermission, type MatterRole, type Permission } from "@/lib/permissions";
import { db, preparedRows, type PreparedStatement } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";

// What an actor may do on one matter: their role there, and the table's answer for each permission.
export type MatterAccess = { matterId: string; role: MatterRole; can: (permission: Permission) => boolean };

// Membership is the only way into a matter's content. Admins manage matters and memberships but
// read a matter's evidence only as a member, like anyone else: privileged work product stays
// with the legal team. Class members never hold memberships.
const MEMBERSHIP: PreparedStatement = {
  name: "auth_membership",
  text: `SELECT m."matterId"::text AS "matterId", m.role::text AS role, u."totpEnabledAt" IS NOT NULL AS "hasTwoFactor",
                mt."requireStaffTwoFactor" OR COALESCE((SELECT s."requireStaffTwoFactor" FROM "SiteSettings" s WHERE s.id = 1), false) AS "twoFactorRequired"
         FROM "Membership" m JOIN "Matter" mt ON mt.id = m."matterId" JOIN "User" u ON u.id = m."userId"
         WHERE m."userId" = $1::uuid AND m."matterId" = $2::uuid`,
};

async function findMembership(actor: Actor, matterId: string): Promise<MatterAccess | null> {
  if (actor.role === "CLASS_MEMBER") return null;
  if (!isUuid(matterId)) return null;
  // A token reaches only the matters it was made for (and only while its owner is still a member);
  // a claim feed's token reaches no matter's content at all.
  if (actor.token && (actor.token.kind === "SERVICE" || !actor.token.matterIds.includes(matterId))) return null;
  // One round trip: the membership, the matter's and the site's two-factor switches, and whether
  // the user has it (every use case starts here).
  const [membership] = await preparedRows<{ matterId: string; role: MatterRole; hasTwoFactor: boolean; twoFactorRequired: boolean }>(MEMBERSHIP, [actor.userId, matterId]);
  if (!membership) return null;
  // Read from the rows, not the session: turning the requirement on applies to the next request.
  if (!membership.hasTwoFactor && membership.twoFactorRequired) {
    throw new AppError("TWO_FACTOR_REQUIRED", TWO_FACTOR_REQUIRED_MESSAGE);
  }
  const role = membership.role;
  return { matterId: membership.matterId, role, can: (permission) => roleHas(role, permission) };
}

export async function canReadMatter(actor: Actor, matterId: string): Promise<boolean> {
  return (await findMembership(actor, matterId)) !== null;
}

// The one gate for matter content (lib/permissions.ts says who holds what). Anyone who is not on
// the matter's team gets 404: they may not even learn that it exists. A member whose role lacks
// the permission gets 403 (they can see the matter, so hiding it would only confuse).
export async function requirePermission(actor: Actor, matterId: string, permission: Permission): Promise<MatterAccess> {
  const access = await findMembership(actor, matterId);
  if (!access) throw AppError.notFound("Matter not found");
  if (!access.can(permission)) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE[permission] ?? "Your role on this matter does not allow this.");
  return access;
}

// Account-level rules (administration, the matter list, a member's own claims): anyone without
// the permission gets 404, so the pages' existence is not revealed.
// Staff who must set up two-factor sign-in reach only the page where they do it.
export function requireAccountPermission(actor: Actor, permission: AccountPermission): void {
  if (!accountHas(actor.role, permission)) throw AppError.notFound();
  // A token is for matter work; administration, account settings and new tokens need a session.
  if (actor.token && (actor.token.kind === "SERVICE" || !TOKEN_ACCOUNT_PERMISSIONS.has(permission))) throw AppError.notFound();
  if (actor.mustEnrollTwoFactor && permission !== "account.two-factor") throw new AppError("TWO_FACTOR_REQUIRED", TWO_FACTOR_REQUIRED_MESSAGE);
}

const TOKEN_ACCOUNT_PERMISSIONS: ReadonlySet<AccountPermission> = new Set(["matters.list"]);

export const TWO_FACTOR_REQUIRED_MESSAGE = "Two-factor sign-in is required here. Set it up on your account page first.";

// The administrators' switch for every staff account (the single SiteSettings row).
export async function staffTwoFactorRequired(): Promise<boolean> {
  const settings = await db.siteSettings.findUnique({ where: { id: 1 }, select: { requireStaffTwoFactor: true } });
  return settings?.requireStaffTwoFactor ?? false;
}

const FORBIDDEN_MESSAGE: Partial<Record<Permission, string>> = {
  "exhibits.designate": "Only an attorney can change privilege or confidentiality designations.",
  "exhibits.produce-privileged": "Only an attorney can produce privileged exhibits.",
  "claims.decide": "Only an attorney can decide a claim.",
  "matter.edit": "Only an attorney can change the matter's details.",
  "exhibits.certify": "Only an attorney can draft a certification.",
  "exhibits.list-privileged": "Only an attorney can put privileged exhibits on an exhibit list.",
  "distribution.lock": "Only an attorney can lock the distribution.",
  "claims.feed-tokens": "Only an attorney can manage the matter's claim-feed tokens.",
  "payments.export": "Only an attorney can export payment files.",
  "payments.reconcile": "Only an attorney can import payment statuses.",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Ids arrive from URLs; a malformed one is "not found", not a database error.
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
