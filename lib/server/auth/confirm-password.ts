import "server-only";
import { AppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import { verifyPassword } from "@/lib/server/auth/passwords";
import { SignInThrottledError, throttleSignIn } from "@/lib/server/auth/throttle-sign-in";
import { db } from "@/lib/server/db";
import { signInLimits } from "@/lib/server/rate-limit/limits";

// A signed-in user proves they know their password before changing how their account signs in
// (an unattended signed-in browser must not be enough). Wrong passwords count against the same
// limit as sign-in, so no form here is a faster way to guess.
export async function confirmCurrentPassword(actor: Actor, password: string, field = "currentPassword"): Promise<void> {
  const ok = await throttleSignIn(signInLimits(actor.ip ?? "unknown", actor.email), async () => {
    const row = await db.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true } });
    return row?.passwordHash && (await verifyPassword(row.passwordHash, password)) ? true : null;
  }).catch((error: unknown) => {
    throw error instanceof SignInThrottledError ? new AppError("RATE_LIMITED", error.message) : error;
  });
  if (!ok) throw AppError.validation({ [field]: ["That is not your current password"] });
}
