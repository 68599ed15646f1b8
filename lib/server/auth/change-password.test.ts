import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authorizePassword } from "@/lib/server/auth/authorize-password";
import { changePassword } from "@/lib/server/auth/change-password";
import { loadActor } from "@/lib/server/auth/load-actor";
import { hashPassword } from "@/lib/server/auth/passwords";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";

const OLD = "the old password, long enough";
const NEW = "a brand new password, also long";

async function staffWithPassword(): Promise<Actor> {
  const user = await db.user.create({
    data: { email: `pw-${randomBytes(4).toString("hex")}@test.proofline`, name: "Pat Word", role: "STAFF", passwordHash: await hashPassword(OLD) },
  });
  return { userId: user.id, email: user.email, name: user.name, role: user.role, ip: `198.18.0.${Math.floor(Math.random() * 250) + 1}` };
}

describe("changing one's own password", () => {
  it("needs the current password and leaves everything as it was without it", async () => {
    const actor = await staffWithPassword();
    await expect(changePassword(actor, { currentPassword: "not it", newPassword: NEW, confirmPassword: NEW })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { currentPassword: ["That is not your current password"] },
    });
    await expect(changePassword(actor, { currentPassword: OLD, newPassword: NEW, confirmPassword: "typo" })).rejects.toMatchObject({
      fieldErrors: { confirmPassword: ["The two new passwords differ"] },
    });
    await expect(changePassword(actor, { currentPassword: OLD, newPassword: "short", confirmPassword: "short" })).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await authorizePassword({ email: actor.email, password: OLD }, actor.ip!))?.id).toBe(actor.userId);
  });

  it("takes the new password only, ends every existing session, and is in the audit log", async () => {
    const actor = await staffWithPassword();
    const signedInAt = Math.floor(Date.now() / 1000);
    expect(await loadActor({ sub: actor.userId, sv: 0, signedInAt }, undefined)).not.toBeNull();

    await changePassword(actor, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW });

    expect(await loadActor({ sub: actor.userId, sv: 0, signedInAt }, undefined)).toBeNull();
    expect(await authorizePassword({ email: actor.email, password: OLD }, actor.ip!)).toBeNull();
    expect((await authorizePassword({ email: actor.email, password: NEW }, actor.ip!))?.id).toBe(actor.userId);
    const audit = await db.auditEvent.findMany({ where: { entityId: actor.userId, action: "user.password-change" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain(NEW);
  });

  it("is refused like sign-in once the current password was guessed wrong too often", async () => {
    const actor = await staffWithPassword();
    for (let i = 0; i < 10; i++) await changePassword(actor, { currentPassword: `guess ${i}`, newPassword: NEW, confirmPassword: NEW }).catch(() => undefined);
    await expect(changePassword(actor, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: "Too many sign-in attempts. Try again in 15 minutes.",
    });
  });
});
