import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { newTotpSecret } from "@/lib/server/auth/two-factor";
import { encryptTotpSecret } from "@/lib/server/auth/two-factor-crypto";
import { db } from "@/lib/server/db";

// A fresh secret for an authenticator app, kept aside until a code from the app confirms it
// (confirm-two-factor-enrollment.ts). Nothing about how the account signs in changes yet, so
// there is nothing to audit; starting again replaces the waiting secret.
export async function startTwoFactorEnrollment(actor: Actor): Promise<void> {
  requireAccountPermission(actor, "account.two-factor");
  await db.user.update({ where: { id: actor.userId }, data: { totpPendingSecret: encryptTotpSecret(actor.userId, newTotpSecret()) } });
}
