import "server-only";
import { AppError } from "@/lib/app-error";
import { ZChangePassword } from "@/lib/schemas/auth";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/server/auth/passwords";
import { revokeSessions } from "@/lib/server/auth/revoke-sessions";
import { SignInThrottledError, throttleSignIn } from "@/lib/server/auth/throttle-sign-in";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { signInLimits } from "@/lib/server/rate-limit/limits";

// A signed-in staff member replaces their password, proving they know the current one (an
// unattended signed-in browser must not be enough). Every session of the account ends, since
// a password change is what someone does who fears their account is in other hands; the caller
// signs this browser in again (a renewal ticket, sign-in-tickets.ts). Wrong current passwords count against the
// same limit as sign-in, so this form is no faster a way to guess.
export async function changePassword(actor: Actor, input: unknown): Promise<void> {
  const { currentPassword, newPassword } = parseInput(ZChangePassword, input);
  const user = await throttleSignIn(signInLimits(actor.ip ?? "unknown", actor.email), async () => {
    const row = await db.user.findUnique({ where: { id: actor.userId }, select: { id: true, passwordHash: true } });
    return row?.passwordHash && (await verifyPassword(row.passwordHash, currentPassword)) ? row : null;
  }).catch((error: unknown) => {
    throw error instanceof SignInThrottledError ? new AppError("RATE_LIMITED", error.message) : error;
  });
  if (!user) throw AppError.validation({ currentPassword: ["That is not your current password"] });
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await revokeSessions(user.id, tx);
    await appendAudit(tx, actor, { matterId: null, action: "user.password-change", entityId: user.id, details: {} });
  });
}
