import "server-only";
import { AppError } from "@/lib/app-error";
import { ZResetPassword, ZResetToken } from "@/lib/schemas/auth";
import { parseInput } from "@/lib/schemas/parse";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { hashPassword } from "@/lib/server/auth/passwords";
import { revokeSessions } from "@/lib/server/auth/revoke-sessions";
import { hashToken } from "@/lib/server/auth/sign-in-tokens";
import { db } from "@/lib/server/db";

export const RESET_LINK_UNUSABLE = "This reset link has expired or was already used. Ask for a new one.";

// Sets a new password with a mailed reset link. The token is used up in the same statement that
// checks it (two submits: one wins), every other reset link of the account dies with it, and every
// session of the account ends: whoever had the old password is signed out. Two-factor sign-in,
// when set up, stays: a mailbox alone does not sign anyone in.
export async function resetPassword(input: unknown, ip: string | null): Promise<{ email: string }> {
  const { token, newPassword } = parseInput(ZResetPassword, input);
  const passwordHash = await hashPassword(newPassword);
  const email = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ userId: string }[]>`
      UPDATE "PasswordResetToken" SET "usedAt" = now()
      WHERE "tokenHash" = ${hashToken(token)} AND "usedAt" IS NULL AND "expiresAt" > now()
      RETURNING "userId"`;
    if (!row) return null;
    const user = await tx.user.findUnique({ where: { id: row.userId }, select: { id: true, email: true, role: true, disabledAt: true } });
    if (!user || user.role === "CLASS_MEMBER" || user.disabledAt) return null;
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    await revokeSessions(user.id, tx);
    await appendAudit(tx, { userId: user.id, ip: ip ?? undefined }, { matterId: null, action: "user.reset-password", entityId: user.id, details: {} });
    return user.email;
  });
  if (!email) throw new AppError("VALIDATION", RESET_LINK_UNUSABLE);
  return { email };
}

// Whether the page should offer the form at all (nothing is used up by looking).
export async function isPasswordResetLinkUsable(token: unknown): Promise<boolean> {
  const parsed = ZResetToken.safeParse(token);
  if (!parsed.success) return false;
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(parsed.data) }, select: { usedAt: true, expiresAt: true } });
  return !!row && !row.usedAt && row.expiresAt > new Date();
}
