import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { resetUserTwoFactor } from "@/lib/server/admin/reset-user-two-factor";
import { authorizePassword } from "@/lib/server/auth/authorize-password";
import { authorizeSecondFactor } from "@/lib/server/auth/authorize-second-factor";
import { confirmTwoFactorEnrollment } from "@/lib/server/auth/confirm-two-factor-enrollment";
import { disableTwoFactor } from "@/lib/server/auth/disable-two-factor";
import { getTwoFactorStatus } from "@/lib/server/auth/get-two-factor-status";
import { loadActor } from "@/lib/server/auth/load-actor";
import { hashPassword } from "@/lib/server/auth/passwords";
import { regenerateRecoveryCodes } from "@/lib/server/auth/regenerate-recovery-codes";
import { revokeSessions } from "@/lib/server/auth/revoke-sessions";
import { issueTicket, readTicket, TwoFactorRequiredError } from "@/lib/server/auth/sign-in-tickets";
import { startTwoFactorEnrollment } from "@/lib/server/auth/start-two-factor-enrollment";
import { currentTotpCode } from "@/lib/server/auth/two-factor";
import { decryptTotpSecret, encryptTotpSecret } from "@/lib/server/auth/two-factor-crypto";
import { db } from "@/lib/server/db";
import { getMatterHeader } from "@/lib/server/matters/get-matter-header";
import { setMatterTwoFactorRequirement } from "@/lib/server/matters/set-matter-two-factor-requirement";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

const PASSWORD = "the staff password, long enough";
const ip = () => `198.19.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;

async function staff(): Promise<Actor> {
  const user = await db.user.create({
    data: { email: `tf-${randomBytes(4).toString("hex")}@test.proofline`, name: "Tess Factor", role: "STAFF", passwordHash: await hashPassword(PASSWORD) },
  });
  return { userId: user.id, email: user.email, name: user.name, role: user.role, ip: ip() };
}

async function pendingSecret(actor: Actor): Promise<string> {
  const { totpPendingSecret } = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  return decryptTotpSecret(actor.userId, totpPendingSecret!);
}

// Enrols the actor as someone with an authenticator app would; returns the secret and the codes.
async function enrolled(actor: Actor) {
  await startTwoFactorEnrollment(actor);
  const secret = await pendingSecret(actor);
  // The code of the previous step: the sign-in tests then have the current step to use.
  const { recoveryCodes } = await confirmTwoFactorEnrollment(actor, { currentPassword: PASSWORD, code: currentTotpCode(secret, Date.now() - 30_000) });
  return { secret, recoveryCodes };
}

// The ticket a right password gives an account with two-factor sign-in.
async function passwordStep(actor: Actor): Promise<string> {
  const error = await authorizePassword({ email: actor.email, password: PASSWORD }, actor.ip!).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TwoFactorRequiredError);
  return (error as TwoFactorRequiredError).ticket;
}

describe("enrolling in two-factor sign-in", () => {
  it("keeps the secret encrypted, bound to its user, and confirms only with the password and a right code", async () => {
    const actor = await staff();
    await startTwoFactorEnrollment(actor);
    const row = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
    const secret = decryptTotpSecret(actor.userId, row.totpPendingSecret!);
    expect(row.totpPendingSecret).not.toContain(secret);
    expect(() => decryptTotpSecret(randomBytes(16).toString("hex"), row.totpPendingSecret!)).toThrow();
    expect((await getTwoFactorStatus(actor)).pending?.uri).toMatch(/^otpauth:\/\/totp\/Proofline:.*secret=/);

    await expect(confirmTwoFactorEnrollment(actor, { currentPassword: PASSWORD, code: "000000" === currentTotpCode(secret) ? "111111" : "000000" })).rejects.toMatchObject({
      fieldErrors: { code: [expect.stringMatching(/does not match/)] },
    });
    await expect(confirmTwoFactorEnrollment(actor, { currentPassword: "wrong password", code: currentTotpCode(secret) })).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["That is not your current password"] },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.userId } })).totpEnabledAt).toBeNull();

    const { recoveryCodes } = await confirmTwoFactorEnrollment(actor, { currentPassword: PASSWORD, code: currentTotpCode(secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: actor.userId } });
    expect(stored).toHaveLength(10);
    for (const c of stored) expect(recoveryCodes.some((code) => c.codeHash.includes(code) || c.codeHash.includes(code.replace("-", "")))).toBe(false);
    expect(await db.auditEvent.count({ where: { entityId: actor.userId, action: "user.enroll-two-factor" } })).toBe(1);
  });

  it("is for staff only: a class member's account has no such page", async () => {
    const { member } = await makeMatterWithTeam();
    await expect(startTwoFactorEnrollment(member)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("encrypts under a key that changes with the configuration", () => {
    const sealed = encryptTotpSecret("user-1", "JBSWY3DPEHPK3PXP");
    expect(decryptTotpSecret("user-1", sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(sealed.split(".")).toHaveLength(5);
    const [v, , iv, tag, ct] = sealed.split(".");
    expect(() => decryptTotpSecret("user-1", [v, "otherkey", iv, tag, ct].join("."))).toThrow(/another key/);
  });
});

describe("signing in with two-factor", () => {
  it("never signs in with the password alone, and refuses a wrong code", async () => {
    const actor = await staff();
    const { secret } = await enrolled(actor);
    const ticket = await passwordStep(actor);
    const wrong = String((Number(currentTotpCode(secret)) + 1) % 1_000_000).padStart(6, "0");
    expect(await authorizeSecondFactor({ ticket, code: wrong }, actor.ip!)).toBeNull();
    expect(await authorizeSecondFactor({ ticket: "forged", code: currentTotpCode(secret) }, actor.ip!)).toBeNull();
    expect((await authorizeSecondFactor({ ticket, code: currentTotpCode(secret) }, actor.ip!))?.id).toBe(actor.userId);
  });

  it("refuses a code already used in its window (replay)", async () => {
    const actor = await staff();
    const { secret } = await enrolled(actor);
    const code = currentTotpCode(secret);
    expect((await authorizeSecondFactor({ ticket: await passwordStep(actor), code }, actor.ip!))?.id).toBe(actor.userId);
    expect(await authorizeSecondFactor({ ticket: await passwordStep(actor), code }, actor.ip!)).toBeNull();
    // The code enrolment was confirmed with cannot sign in either.
    const previous = currentTotpCode(secret, Date.now() - 30_000);
    expect(await authorizeSecondFactor({ ticket: await passwordStep(actor), code: previous }, actor.ip!)).toBeNull();
  });

  it("takes each recovery code once, in any case and with or without its dash, and audits it", async () => {
    const actor = await staff();
    const { recoveryCodes } = await enrolled(actor);
    const [first, second] = recoveryCodes as [string, string];
    expect((await authorizeSecondFactor({ ticket: await passwordStep(actor), code: first.toUpperCase() }, actor.ip!))?.id).toBe(actor.userId);
    expect(await authorizeSecondFactor({ ticket: await passwordStep(actor), code: first }, actor.ip!)).toBeNull();
    expect((await authorizeSecondFactor({ ticket: await passwordStep(actor), code: second.replace("-", "") }, actor.ip!))?.id).toBe(actor.userId);
    const audit = await db.auditEvent.findMany({ where: { entityId: actor.userId, action: "user.use-recovery-code" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.details)).toEqual([{ remaining: 9 }, { remaining: 8 }]);
    expect((await getTwoFactorStatus(actor)).recoveryCodesLeft).toBe(8);
  });

  it("stops taking codes after 5 wrong ones, even the right one", async () => {
    const actor = await staff();
    const { secret } = await enrolled(actor);
    const ticket = await passwordStep(actor);
    for (let i = 0; i < 5; i++) expect(await authorizeSecondFactor({ ticket, code: `zzzzz-zzzz${i}` }, actor.ip!)).toBeNull();
    await expect(authorizeSecondFactor({ ticket, code: currentTotpCode(secret) }, actor.ip!)).rejects.toMatchObject({ code: "throttled" });
  });

  it("voids a code-step ticket when the account's sessions are ended, and tickets of one kind are not another", async () => {
    const actor = await staff();
    const { secret } = await enrolled(actor);
    const ticket = await passwordStep(actor);
    expect(await readTicket("renewal", ticket)).toBeNull();
    expect(await readTicket("two-factor", await issueTicket("renewal", actor.userId))).toBeNull();
    await revokeSessions(actor.userId);
    expect(await authorizeSecondFactor({ ticket, code: currentTotpCode(secret) }, actor.ip!)).toBeNull();
  });
});

describe("recovery codes and turning two-factor off", () => {
  it("regenerating replaces every old code", async () => {
    const actor = await staff();
    const { recoveryCodes: old } = await enrolled(actor);
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(actor, { currentPassword: PASSWORD });
    expect(await authorizeSecondFactor({ ticket: await passwordStep(actor), code: old[0]! }, actor.ip!)).toBeNull();
    expect((await authorizeSecondFactor({ ticket: await passwordStep(actor), code: fresh[0]! }, actor.ip!))?.id).toBe(actor.userId);
    expect(await db.auditEvent.count({ where: { entityId: actor.userId, action: "user.regenerate-recovery-codes" } })).toBe(1);
  });

  it("turning off needs the password and a current code; then the password alone signs in", async () => {
    const actor = await staff();
    const { secret } = await enrolled(actor);
    await expect(disableTwoFactor(actor, { currentPassword: PASSWORD, code: "12345" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(disableTwoFactor(actor, { currentPassword: "wrong", code: currentTotpCode(secret) })).rejects.toMatchObject({ code: "VALIDATION" });
    await disableTwoFactor(actor, { currentPassword: PASSWORD, code: currentTotpCode(secret) });
    expect((await authorizePassword({ email: actor.email, password: PASSWORD }, actor.ip!))?.id).toBe(actor.userId);
    expect(await db.recoveryCode.count({ where: { userId: actor.userId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: actor.userId, action: "user.disable-two-factor" } })).toBe(1);
  });
});

describe("a matter that requires two-factor sign-in", () => {
  it("refuses its members who have not set it up, lets them in once they have, and cannot then be turned off", async () => {
    const { matter, attorney, paralegal } = await makeMatterWithTeam();
    await db.user.update({ where: { id: paralegal.userId }, data: { passwordHash: await hashPassword(PASSWORD) } });
    await setMatterTwoFactorRequirement(attorney, matter.id, { required: "false" });
    expect((await getMatterHeader(paralegal, matter.id)).id).toBe(matter.id);

    // The attorney turning it on is held to it as well.
    await setMatterTwoFactorRequirement(attorney, matter.id, { required: "true" });
    await expect(getMatterHeader(paralegal, matter.id)).rejects.toMatchObject({ code: "TWO_FACTOR_REQUIRED" });
    await expect(getMatterHeader(attorney, matter.id)).rejects.toMatchObject({ code: "TWO_FACTOR_REQUIRED" });
    await expect(setMatterTwoFactorRequirement(paralegal, matter.id, { required: "false" })).rejects.toMatchObject({ code: "TWO_FACTOR_REQUIRED" });
    expect((await getTwoFactorStatus(paralegal)).requiredByMatters.map((m) => m.id)).toEqual([matter.id]);

    const { secret } = await enrolled({ ...paralegal, ip: ip() });
    expect((await getMatterHeader(paralegal, matter.id)).id).toBe(matter.id);
    await expect(disableTwoFactor(paralegal, { currentPassword: PASSWORD, code: currentTotpCode(secret) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const audit = await db.auditEvent.findMany({ where: { matterId: matter.id, action: "matter.set-two-factor-requirement" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.details)).toEqual([{ required: false }, { required: true }]);
  });
});

describe("an administrator removing someone's two-factor sign-in", () => {
  it("clears the authenticator and the codes, ends every session, and is audited", async () => {
    const { admin } = await makeMatterWithTeam();
    const actor = await staff();
    const { recoveryCodes } = await enrolled(actor);
    const signedInAt = Math.floor(Date.now() / 1000);
    await resetUserTwoFactor(admin, { userId: actor.userId });
    expect(await loadActor({ sub: actor.userId, sv: 0, signedInAt }, undefined)).toBeNull();
    expect((await authorizePassword({ email: actor.email, password: PASSWORD }, actor.ip!))?.id).toBe(actor.userId);
    expect(await db.recoveryCode.count({ where: { userId: actor.userId } })).toBe(0);
    expect(recoveryCodes).toHaveLength(10);
    await expect(resetUserTwoFactor(admin, { userId: actor.userId })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(resetUserTwoFactor(actor, { userId: admin.userId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { entityId: actor.userId, action: "user.reset-two-factor" } })).toBe(1);
  });
});
