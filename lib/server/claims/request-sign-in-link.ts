import "server-only";
import { z } from "zod";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import { linkUrl, newSignInToken, SIGN_IN_LINK_TTL_MS } from "@/lib/server/auth/sign-in-tokens";
import { deliverOutboxSoon } from "@/lib/server/mail/deliver-outbox";
import { queueMail } from "@/lib/server/mail/queue-mail";

export const ZRequestLink = z.object({ email: z.email("Enter the email address you filed your claim with").max(254).transform((s) => s.toLowerCase()) }).strict();

// Mails a one-time sign-in link to an email that has filed a claim. The answer is the same either
// way, so the form cannot be used to learn who filed.
export async function requestSignInLink(input: unknown): Promise<void> {
  const { email } = parseInput(ZRequestLink, input);
  const hasClaim = await db.claimant.findFirst({ where: { email }, select: { id: true } });
  if (!hasClaim) return;
  const { token, hash } = newSignInToken();
  const mail = await db.$transaction(async (tx) => {
    await tx.signInToken.create({ data: { tokenHash: hash, email, expiresAt: new Date(Date.now() + SIGN_IN_LINK_TTL_MS) } });
    return queueMail(tx, {
      to: email,
      subject: "Your sign-in link for your claims",
      text: `Sign in to see your claims:\n${linkUrl(token)}\n\nThe link works once and expires in 30 minutes. If you did not ask for it, ignore this message.\n`,
      ref: "sign-in",
      secrets: [token],
    });
  });
  deliverOutboxSoon([mail]);
}
