import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authorizePassword } from "@/lib/server/auth/authorize-password";
import { loadActor } from "@/lib/server/auth/load-actor";
import { hashPassword } from "@/lib/server/auth/passwords";
import { requestPasswordReset } from "@/lib/server/accounts/request-password-reset";
import { isPasswordResetLinkUsable, resetPassword, RESET_LINK_UNUSABLE } from "@/lib/server/accounts/reset-password";
import { hashToken } from "@/lib/server/auth/sign-in-tokens";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { REDACTED } from "@/lib/server/mail/queue-mail";
import { latestMail } from "@/scripts/lib/mailbox";

const OLD = "the old password, long enough";
const NEW = "a brand new password, also long";
const ip = () => `198.20.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;

async function account(role: "STAFF" | "ADMIN" | "CLASS_MEMBER" = "STAFF", disabled = false) {
  return db.user.create({
    data: {
      email: `reset-${randomBytes(4).toString("hex")}@test.proofline`,
      name: "Rhea Set",
      role,
      passwordHash: await hashPassword(OLD),
      disabledAt: disabled ? new Date() : null,
    },
  });
}

// The link as the staff member receives it, and its token.
async function mailedLink(email: string) {
  const mail = await latestMail(env.MAIL_SINK_DIR, email, "Reset your Proofline password");
  const url = new URL(mail.text.match(/http\S+reset-password\S+/)![0]);
  return { url, token: url.searchParams.get("token")! };
}

describe("asking for a password reset", () => {
  it("mails a staff member a single-use link from the configured origin, and stores neither the token nor the link", async () => {
    const user = await account();
    await requestPasswordReset({ email: user.email.toUpperCase() }, ip());
    const { url, token } = await mailedLink(user.email);
    expect(url.origin).toBe("http://localhost:3000");
    expect(url.pathname).toBe("/reset-password");
    const outbox = await db.outboxMessage.findFirstOrThrow({ where: { to: user.email, ref: "password-reset" } });
    expect(outbox.text).toContain(REDACTED);
    expect(outbox.text).not.toContain(token);
    const stored = await db.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(Math.abs(stored.expiresAt.getTime() - stored.createdAt.getTime() - 30 * 60 * 1000)).toBeLessThan(5000);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.request-password-reset" } })).toBe(1);
  });

  it("answers the same for an unknown address, a class member and a disabled account, and sends them nothing", async () => {
    const member = await account("CLASS_MEMBER");
    const disabled = await account("STAFF", true);
    const nobody = `nobody-${randomBytes(4).toString("hex")}@test.proofline`;
    for (const email of [nobody, member.email, disabled.email]) {
      await expect(requestPasswordReset({ email }, ip())).resolves.toBeUndefined();
    }
    expect(await db.outboxMessage.count({ where: { to: { in: [nobody, member.email, disabled.email] } } })).toBe(0);
    expect(await db.passwordResetToken.count({ where: { userId: { in: [member.id, disabled.id] } } })).toBe(0);
  });

  it("refuses an address that is not one, naming the field", async () => {
    await expect(requestPasswordReset({ email: "not an email" }, ip())).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { email: [expect.any(String)] } });
  });
});

describe("setting a new password with the link", () => {
  it("takes the new password, uses the link up, ends every session, and is audited", async () => {
    const user = await account();
    const signedInAt = Math.floor(Date.now() / 1000);
    expect(await loadActor({ sub: user.id, sv: 0, signedInAt }, undefined)).not.toBeNull();
    await requestPasswordReset({ email: user.email }, ip());
    await requestPasswordReset({ email: user.email }, ip());
    const { token } = await mailedLink(user.email);
    expect(await isPasswordResetLinkUsable(token)).toBe(true);

    await expect(resetPassword({ token, newPassword: NEW, confirmPassword: "typo" }, ip())).rejects.toMatchObject({ fieldErrors: { confirmPassword: [expect.any(String)] } });
    await expect(resetPassword({ token, newPassword: "short", confirmPassword: "short" }, ip())).rejects.toMatchObject({ fieldErrors: { newPassword: [expect.any(String)] } });
    expect(await resetPassword({ token, newPassword: NEW, confirmPassword: NEW }, ip())).toEqual({ email: user.email });

    expect(await loadActor({ sub: user.id, sv: 0, signedInAt }, undefined)).toBeNull();
    expect(await authorizePassword({ email: user.email, password: OLD }, ip())).toBeNull();
    expect((await authorizePassword({ email: user.email, password: NEW }, ip()))?.id).toBe(user.id);
    // Single use, and the other link asked for earlier died with it.
    await expect(resetPassword({ token, newPassword: "yet another password", confirmPassword: "yet another password" }, ip())).rejects.toMatchObject({ message: RESET_LINK_UNUSABLE });
    expect(await isPasswordResetLinkUsable(token)).toBe(false);
    expect(await db.passwordResetToken.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
    const audit = await db.auditEvent.findMany({ where: { entityId: user.id, action: "user.reset-password" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(user.id);
    expect(JSON.stringify(audit[0]!.details)).not.toContain(NEW);
  });

  it("refuses an expired link", async () => {
    const user = await account();
    await requestPasswordReset({ email: user.email }, ip());
    const { token } = await mailedLink(user.email);
    await db.passwordResetToken.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await isPasswordResetLinkUsable(token)).toBe(false);
    await expect(resetPassword({ token, newPassword: NEW, confirmPassword: NEW }, ip())).rejects.toMatchObject({ code: "VALIDATION", message: RESET_LINK_UNUSABLE });
    expect((await authorizePassword({ email: user.email, password: OLD }, ip()))?.id).toBe(user.id);
  });

  it("does nothing for a made-up or malformed token, and one account disabled after asking gets no new password", async () => {
    await expect(resetPassword({ token: randomBytes(32).toString("base64url"), newPassword: NEW, confirmPassword: NEW }, ip())).rejects.toMatchObject({ message: RESET_LINK_UNUSABLE });
    await expect(resetPassword({ token: "x", newPassword: NEW, confirmPassword: NEW }, ip())).rejects.toMatchObject({ fieldErrors: { token: [expect.any(String)] } });
    const user = await account();
    await requestPasswordReset({ email: user.email }, ip());
    const { token } = await mailedLink(user.email);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(resetPassword({ token, newPassword: NEW, confirmPassword: NEW }, ip())).rejects.toMatchObject({ message: RESET_LINK_UNUSABLE });
  });
});
