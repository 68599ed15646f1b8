import "server-only";
import { AppError } from "@/lib/app-error";
import { ZRemoveMembership } from "@/lib/schemas/admin";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";

export async function removeMembership(actor: Actor, input: unknown) {
  requireAccountPermission(actor, "admin.memberships");
  const { membershipId } = parseInput(ZRemoveMembership, input);
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { id: membershipId }, include: { user: { select: { email: true } } } });
    if (!membership) throw AppError.notFound("Membership not found");
    await tx.membership.delete({ where: { id: membershipId } });
    await appendAudit(tx, actor, {
      matterId: membership.matterId,
      action: "membership.remove",
      entityId: membershipId,
      details: { email: membership.user.email, role: membership.role },
    });
  });
}
