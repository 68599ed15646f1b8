import "server-only";
import { ZTwoFactorRequirement } from "@/lib/schemas/auth";
import { parseInput } from "@/lib/schemas/parse";
import { appendAudit } from "@/lib/server/audit/append-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

// Requires two-factor sign-in of every staff and admin account. It applies on each account's next
// request (load-actor.ts re-reads it): who has not set it up is sent to do so and reaches no
// matter until then. The administrator turning it on is not exempt either.
// Answers whether the administrator must now set it up themselves.
export async function setStaffTwoFactorRequirement(actor: Actor, input: unknown): Promise<{ actorMustEnroll: boolean }> {
  requireAccountPermission(actor, "admin.settings");
  const { required } = parseInput(ZTwoFactorRequirement, input);
  return db.$transaction(async (tx) => {
    await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, requireStaffTwoFactor: required }, update: { requireStaffTwoFactor: required } });
    await appendAudit(tx, actor, { matterId: null, action: "settings.set-two-factor-requirement", entityId: "1", details: { required } });
    const self = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } });
    return { actorMustEnroll: required && !self.totpEnabledAt };
  });
}
