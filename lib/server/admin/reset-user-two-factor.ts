import "server-only";
import { AppError } from "@/lib/app-error";
import { ZResetUserTwoFactor } from "@/lib/schemas/admin";
import { parseInput } from "@/lib/schemas/parse";
import { appendAudit } from "@/lib/server/audit/append-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { revokeSessions } from "@/lib/server/auth/revoke-sessions";
import { db } from "@/lib/server/db";

// For a staff member who lost both the phone and the recovery codes: an administrator removes the
// authenticator (after checking who is asking, outside Proofline). Every session of the account
// ends; their password alone signs them in again, and where two-factor is required they are sent
// to set up a new authenticator at once.
export async function resetUserTwoFactor(actor: Actor, input: unknown): Promise<void> {
  requireAccountPermission(actor, "admin.users");
  const { userId } = parseInput(ZResetUserTwoFactor, input);
  if (userId === actor.userId) throw AppError.validation({ userId: ["Turn off your own two-factor sign-in on your account page"] });
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true, totpEnabledAt: true } });
    if (!user || user.role === "CLASS_MEMBER") throw AppError.notFound("User not found");
    if (!user.totpEnabledAt) throw new AppError("CONFLICT", `${user.email} has no two-factor sign-in to remove.`);
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastUsedStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await revokeSessions(userId, tx);
    await appendAudit(tx, actor, { matterId: null, action: "user.reset-two-factor", entityId: userId, details: { email: user.email } });
  });
}
