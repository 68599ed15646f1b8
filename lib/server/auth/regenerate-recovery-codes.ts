import "server-only";
import { AppError } from "@/lib/app-error";
import { ZRegenerateRecoveryCodes } from "@/lib/schemas/auth";
import { parseInput } from "@/lib/schemas/parse";
import { appendAudit } from "@/lib/server/audit/append-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { confirmCurrentPassword } from "@/lib/server/auth/confirm-password";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { hashRecoveryCodes, newRecoveryCodes } from "@/lib/server/auth/two-factor";
import { db } from "@/lib/server/db";

// A new set of recovery codes (the old set, used or not, stops working), shown once.
export async function regenerateRecoveryCodes(actor: Actor, input: unknown): Promise<{ recoveryCodes: string[] }> {
  requireAccountPermission(actor, "account.two-factor");
  const { currentPassword } = parseInput(ZRegenerateRecoveryCodes, input);
  await confirmCurrentPassword(actor, currentPassword);
  const recoveryCodes = newRecoveryCodes();
  const hashes = await hashRecoveryCodes(recoveryCodes);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } });
    if (!user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is not set up, so there are no recovery codes to replace.");
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId: actor.userId, codeHash })) });
    await appendAudit(tx, actor, { matterId: null, action: "user.regenerate-recovery-codes", entityId: actor.userId, details: { recoveryCodes: recoveryCodes.length } });
  });
  return { recoveryCodes };
}
