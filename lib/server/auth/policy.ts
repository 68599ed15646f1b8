import "server-only";
import { AppError } from "@/lib/app-error";
import type { MatterRole } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";

export type MatterAccess = { matterId: string; role: MatterRole };

// Membership is the only way into a matter's content. Admins manage matters and memberships but
// read a matter's evidence only as a member, like anyone else: privileged work product stays
// with the legal team. Class members never hold memberships.
async function findMembership(actor: Actor, matterId: string): Promise<MatterAccess | null> {
  if (actor.role === "CLASS_MEMBER") return null;
  if (!isUuid(matterId)) return null;
  const membership = await db.membership.findUnique({
    where: { userId_matterId: { userId: actor.userId, matterId } },
    select: { matterId: true, role: true },
  });
  return membership;
}

export async function canReadMatter(actor: Actor, matterId: string): Promise<boolean> {
  return (await findMembership(actor, matterId)) !== null;
}

// Resolves the actor's role on the matter, or 404 when they may not see it at all.
export async function requireMatterAccess(actor: Actor, matterId: string): Promise<MatterAccess> {
  const access = await findMembership(actor, matterId);
  if (!access) throw AppError.notFound("Matter not found");
  return access;
}

// A member whose role may not do this gets 403 (they can see the matter, so hiding it would
// only confuse); anyone else gets 404.
export async function requireMatterRole(
  actor: Actor,
  matterId: string,
  roles: readonly MatterRole[],
): Promise<MatterAccess> {
  const access = await requireMatterAccess(actor, matterId);
  if (!roles.includes(access.role)) {
    throw new AppError("FORBIDDEN", `This action needs the ${roles.join(" or ").toLowerCase()} role on this matter.`);
  }
  return access;
}

export function requireStaff(actor: Actor): void {
  if (actor.role === "CLASS_MEMBER") throw AppError.notFound();
}

export function requireAdmin(actor: Actor): void {
  if (actor.role !== "ADMIN") throw AppError.notFound();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Ids arrive from URLs; a malformed one is "not found", not a database error.
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
