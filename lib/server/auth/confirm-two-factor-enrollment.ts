import "server-only";
import { AppError } from "@/lib/app-error";
import { ZConfirmTwoFactor } from "@/lib/schemas/auth";
import { parseInput } from "@/lib/schemas/parse";
import { appendAudit } from "@/lib/server/audit/append-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { confirmCurrentPassword } from "@/lib/server/auth/confirm-password";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { hashRecoveryCodes, newRecoveryCodes, totpStep } from "@/lib/server/auth/two-factor";
import { decryptTotpSecret } from "@/lib/server/auth/two-factor-crypto";
import { db } from "@/lib/server/db";

// Turns two-factor sign-in on (or moves it to a new authenticator): the password, and a code from
// the new app proving it holds the secret. Returns the new recovery codes, which exist in plain
// text only in this answer (the table keeps argon2 hashes); any earlier codes stop working.
export async function confirmTwoFactorEnrollment(actor: Actor, input: unknown): Promise<{ recoveryCodes: string[] }> {
  requireAccountPermission(actor, "account.two-factor");
  const { currentPassword, code } = parseInput(ZConfirmTwoFactor, input);
  await confirmCurrentPassword(actor, currentPassword);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpPendingSecret: true, totpEnabledAt: true } });
  if (!user.totpPendingSecret) throw new AppError("CONFLICT", "Start the set-up again: no authenticator is waiting to be confirmed.");
  const step = totpStep(decryptTotpSecret(actor.userId, user.totpPendingSecret), code);
  if (step === null) throw AppError.validation({ code: ["That code does not match. Check the app's clock, or wait for the next code."] });
  const recoveryCodes = newRecoveryCodes();
  const hashes = await hashRecoveryCodes(recoveryCodes);
  await db.$transaction(async (tx) => {
    // Only the secret that was shown and confirmed: a set-up restarted meanwhile in another tab wins.
    const { count } = await tx.user.updateMany({
      where: { id: actor.userId, totpPendingSecret: user.totpPendingSecret },
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastUsedStep: step },
    });
    if (count !== 1) throw new AppError("CONFLICT", "The set-up was restarted elsewhere. Scan the new QR code.");
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId: actor.userId, codeHash })) });
    await appendAudit(tx, actor, {
      matterId: null,
      action: "user.enroll-two-factor",
      entityId: actor.userId,
      details: { replacedAuthenticator: user.totpEnabledAt !== null, recoveryCodes: recoveryCodes.length },
    });
  });
  return { recoveryCodes };
}
