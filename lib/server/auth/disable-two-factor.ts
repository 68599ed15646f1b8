import "server-only";
import { AppError } from "@/lib/app-error";
import { ZDisableTwoFactor } from "@/lib/schemas/auth";
import { parseInput } from "@/lib/schemas/parse";
import { appendAudit } from "@/lib/server/audit/append-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { confirmCurrentPassword } from "@/lib/server/auth/confirm-password";
import { requireAccountPermission, staffTwoFactorRequired } from "@/lib/server/auth/policy";
import { SignInThrottledError, throttleSignIn } from "@/lib/server/auth/throttle-sign-in";
import { verifySecondFactor } from "@/lib/server/auth/two-factor";
import { db } from "@/lib/server/db";
import { twoFactorLimits } from "@/lib/server/rate-limit/limits";

// Turns two-factor sign-in off: the password and a current code (or a recovery code, for someone
// who lost the phone), counted against the same limits as the sign-in code step. Refused while
// the installation or one of the user's matters requires it: set up a new authenticator instead.
export async function disableTwoFactor(actor: Actor, input: unknown): Promise<void> {
  requireAccountPermission(actor, "account.two-factor");
  const { currentPassword, code } = parseInput(ZDisableTwoFactor, input);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { id: true, totpSecret: true, totpEnabledAt: true, memberships: { where: { matter: { requireStaffTwoFactor: true } }, select: { matterId: true } } },
  });
  if (!user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already off.");
  if (user.memberships.length > 0 || (await staffTwoFactorRequired())) {
    throw new AppError("FORBIDDEN", "Two-factor sign-in is required for your account, so it cannot be turned off. You can move it to a new authenticator app.");
  }
  await confirmCurrentPassword(actor, currentPassword);
  const ok = await throttleSignIn(twoFactorLimits(actor.ip ?? "unknown", actor.userId), async () =>
    (await verifySecondFactor(user, code, actor)).ok ? true : null,
  ).catch((error: unknown) => {
    throw error instanceof SignInThrottledError ? new AppError("RATE_LIMITED", error.message) : error;
  });
  if (!ok) throw AppError.validation({ code: ["That code does not match (a recovery code works once)."] });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastUsedStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
    await appendAudit(tx, actor, { matterId: null, action: "user.disable-two-factor", entityId: actor.userId, details: {} });
  });
}
