import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission, staffTwoFactorRequired } from "@/lib/server/auth/policy";
import { otpauthUri } from "@/lib/server/auth/two-factor";
import { decryptTotpSecret } from "@/lib/server/auth/two-factor-crypto";
import { db } from "@/lib/server/db";

// What the account pages show: whether two-factor sign-in is on, an authenticator waiting to be
// confirmed (its secret, to show as a QR code and as text, to its owner only), how many recovery
// codes are left, and what requires it.
export async function getTwoFactorStatus(actor: Actor) {
  requireAccountPermission(actor, "account.two-factor");
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: {
      totpEnabledAt: true,
      totpPendingSecret: true,
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
      memberships: { where: { matter: { requireStaffTwoFactor: true } }, select: { matter: { select: { id: true, caption: true } } } },
    },
  });
  const pendingSecret = user.totpPendingSecret ? decryptTotpSecret(actor.userId, user.totpPendingSecret) : null;
  return {
    enabledAt: user.totpEnabledAt,
    pending: pendingSecret ? { secret: pendingSecret, uri: otpauthUri(pendingSecret, actor.email) } : null,
    recoveryCodesLeft: user._count.recoveryCodes,
    requiredForAllStaff: await staffTwoFactorRequired(),
    requiredByMatters: user.memberships.map((m) => m.matter),
  };
}
