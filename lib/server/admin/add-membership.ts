import "server-only";
import { AppError } from "@/lib/app-error";
import { ZAddMembership } from "@/lib/schemas/admin";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";

// Adds a staff member to a matter's team, or changes their role if they are already on it.
export async function addMembership(actor: Actor, input: unknown) {
  requireAccountPermission(actor, "admin.memberships");
  const { matterId, email, role } = parseInput(ZAddMembership, input);
  return db.$transaction(async (tx) => {
    const matter = await tx.matter.findUnique({ where: { id: matterId }, select: { id: true } });
    if (!matter) throw AppError.notFound("Matter not found");
    const user = await tx.user.findUnique({ where: { email } });
    if (!user) throw AppError.validation({ email: ["No account has this email"] });
    // Class members must never reach matter content; administrators act as members only if
    // they are also on the team as legal staff.
    if (user.role === "CLASS_MEMBER") throw AppError.validation({ email: ["Class members cannot join a matter's team"] });
    const membership = await tx.membership.upsert({
      where: { userId_matterId: { userId: user.id, matterId } },
      update: { role },
      create: { userId: user.id, matterId, role },
    });
    await appendAudit(tx, actor, {
      matterId,
      action: "membership.set",
      entityId: membership.id,
      details: { email, role },
    });
    return membership;
  });
}
