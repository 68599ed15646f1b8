import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import { canReadMatter } from "@/lib/server/auth/policy";
import { addMembership } from "@/lib/server/admin/add-membership";
import { createStaffUser } from "@/lib/server/admin/create-staff-user";
import { listUsersAndMatters } from "@/lib/server/admin/list-users-and-matters";
import { removeMembership } from "@/lib/server/admin/remove-membership";
import { setUserDisabled } from "@/lib/server/admin/set-user-disabled";
import { makeMatterWithTeam, makeUser } from "@/lib/server/testing/fixtures";

const newUser = () => ({
  submissionKey: crypto.randomUUID(),
  name: "New Paralegal",
  email: `New.Paralegal-${crypto.randomUUID().slice(0, 8)}@Firm.test`,
  role: "STAFF",
  password: "a-long-enough-password",
});

describe("administration", () => {
  it("is invisible (404) to everyone but administrators", async () => {
    const t = await makeMatterWithTeam();
    for (const who of [t.attorney, t.paralegal, t.member]) {
      await expect(listUsersAndMatters(who)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(createStaffUser(who, newUser())).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(setUserDisabled(who, { userId: t.outsider.userId, disabled: "true" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(addMembership(who, { matterId: t.matter.id, email: t.outsider.email, role: "ATTORNEY" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    expect(await canReadMatter(t.outsider, t.matter.id)).toBe(false);
    await expect(listUsersAndMatters(t.admin)).resolves.toMatchObject({ matters: expect.any(Array) });
  });

  it("creates a staff account once per form, with a lower-cased email and an audit row", async () => {
    const admin = await makeUser("ADMIN");
    const input = newUser();
    const [a, b] = await Promise.all([createStaffUser(admin, input), createStaffUser(admin, input)]);
    expect(a.id).toBe(b.id);
    expect(a.email).toBe(input.email.toLowerCase());
    expect(a.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db.auditEvent.count({ where: { entityId: a.id, action: "user.create" } })).toBe(1);
    const error = await createStaffUser(admin, { ...newUser(), email: input.email }).catch((e: AppError) => e);
    expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { email: ["An account with this email already exists"] } });
    const short = await createStaffUser(admin, { ...newUser(), password: "short" }).catch((e: AppError) => e);
    expect(Object.keys((short as AppError).fieldErrors)).toEqual(["password"]);
  });

  it("adds, re-roles and removes team members; class members cannot join", async () => {
    const t = await makeMatterWithTeam();
    await addMembership(t.admin, { matterId: t.matter.id, email: t.outsider.email, role: "PARALEGAL" });
    expect(await canReadMatter(t.outsider, t.matter.id)).toBe(true);
    const m = await addMembership(t.admin, { matterId: t.matter.id, email: t.outsider.email, role: "ATTORNEY" });
    expect(m.role).toBe("ATTORNEY");
    await removeMembership(t.admin, { membershipId: m.id });
    expect(await canReadMatter(t.outsider, t.matter.id)).toBe(false);
    const refused = await addMembership(t.admin, { matterId: t.matter.id, email: t.member.email, role: "PARALEGAL" }).catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: "VALIDATION", fieldErrors: { email: ["Class members cannot join a matter's team"] } });
    const actions = (await db.auditEvent.findMany({ where: { matterId: t.matter.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["membership.set", "membership.set", "membership.remove"]);
  });

  it("disables and re-enables an account but never the administrator's own", async () => {
    const t = await makeMatterWithTeam();
    const disabled = await setUserDisabled(t.admin, { userId: t.paralegal.userId, disabled: "true" });
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    const enabled = await setUserDisabled(t.admin, { userId: t.paralegal.userId, disabled: "false" });
    expect(enabled.disabledAt).toBeNull();
    await expect(setUserDisabled(t.admin, { userId: t.admin.userId, disabled: "true" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
