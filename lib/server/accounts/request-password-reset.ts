import "server-only";
import { ZRequestPasswordReset } from "@/lib/schemas/auth";
import { parseInput } from "@/lib/schemas/parse";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { newSignInToken, PASSWORD_RESET_TTL_MS, passwordResetUrl } from "@/lib/server/auth/sign-in-tokens";
import { db } from "@/lib/server/db";
import { deliverOutboxSoon } from "@/lib/server/mail/deliver-outbox";
import { queueMail } from "@/lib/server/mail/queue-mail";

// Mails a single-use, 30-minute reset link to an active staff account. Anyone may ask, for any
// address, so the caller answers the same whatever happens here and runs this after answering
// (app/(auth)/forgot-password/actions.ts): neither the words nor the time of the answer tell
// whether the address has an account. Class members (they sign in by mailed link) and disabled
// accounts get nothing. The link's token is only in the mail sent; the outbox row keeps it
// redacted and the table keeps its SHA-256.
export async function requestPasswordReset(input: unknown, ip: string | null): Promise<void> {
  const { email } = parseInput(ZRequestPasswordReset, input);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, disabledAt: true } });
  if (!user || user.role === "CLASS_MEMBER" || user.disabledAt) return;
  const { token, hash } = newSignInToken();
  const mail = await db.$transaction(async (tx) => {
    await tx.passwordResetToken.create({ data: { tokenHash: hash, userId: user.id, expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS) } });
    await appendAudit(tx, { userId: null, ip: ip ?? undefined }, { matterId: null, action: "user.request-password-reset", entityId: user.id, details: {} });
    return queueMail(tx, {
      to: user.email,
      subject: "Reset your Proofline password",
      text:
        `Hello ${user.name},\n\nSomeone (we hope you) asked to reset the password of your Proofline account. Choose a new one here:\n${passwordResetUrl(token)}\n\n` +
        "The link works once and expires in 30 minutes. Setting a new password signs you out everywhere; if you use two-factor sign-in you will still need your code.\n" +
        "If you did not ask for this, ignore this message: your password stays as it is.\n",
      ref: "password-reset",
      secrets: [token],
    });
  });
  deliverOutboxSoon([mail]);
}
