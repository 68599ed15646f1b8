import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import { createPlaintiff } from "@/lib/server/plaintiffs/create-plaintiff";
import { getPlaintiff } from "@/lib/server/plaintiffs/get-plaintiff";
import { listPlaintiffs } from "@/lib/server/plaintiffs/list-plaintiffs";
import { updatePlaintiff } from "@/lib/server/plaintiffs/update-plaintiff";
import { makeMatter, makeMatterWithTeam, validPlaintiffInput } from "@/lib/server/testing/fixtures";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("plaintiffs: validation", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["a missing name", { name: undefined }, "name"],
    ["a blank name", { name: "   " }, "name"],
    ["an unknown state", { residenceState: "ZZ" }, "residenceState"],
    ["an unknown kind", { kind: "PRIMARY" }, "kind"],
    ["an impossible date", { firstUseFrom: "2019-02-30" }, "firstUseFrom"],
    ["a date in another format", { firstUseFrom: "03/01/2019" }, "firstUseFrom"],
    ["a reversed range", { firstUseFrom: "2019-04-30", firstUseTo: "2019-03-01" }, "firstUseTo"],
    ["a first use in the future", { firstUseFrom: "2999-01-01", firstUseTo: undefined }, "firstUseFrom"],
    ["an unknown account status", { accountStatus: "MAYBE" }, "accountStatus"],
    ["an over-long note", { notes: "x".repeat(10_001) }, "notes"],
    ["a field the form does not have", { matterId: "00000000-0000-0000-0000-000000000000" }, "_form"],
    ["no submission key", { submissionKey: undefined }, "submissionKey"],
  ];

  it.each(cases)("refuses %s, naming the field, and writes nothing", async (_label, override, field) => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const error = await refusal(createPlaintiff(paralegal, matter.id, validPlaintiffInput(override)));
    expect(error.code).toBe("VALIDATION");
    expect(error.status).toBe(422);
    expect(Object.keys(error.fieldErrors)).toContain(field);
    expect(await db.plaintiff.count({ where: { matterId: matter.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { matterId: matter.id } })).toBe(0);
  });

  it("stores a valid plaintiff with its audit row in the same transaction", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const created = await createPlaintiff(paralegal, matter.id, validPlaintiffInput());
    expect(created.residenceState).toBe("CA");
    expect(created.firstUseFrom?.toISOString().slice(0, 10)).toBe("2019-03-01");
    const audit = await db.auditEvent.findMany({ where: { matterId: matter.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "plaintiff.create", entityId: created.id, actorId: paralegal.userId });
  });
});

describe("plaintiffs: one record per submitted form", () => {
  it("makes one plaintiff from 20 concurrent submits of the same form", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const input = validPlaintiffInput();
    const results = await Promise.all(Array.from({ length: 20 }, () => createPlaintiff(paralegal, matter.id, input)));
    expect(new Set(results.map((p) => p.id)).size).toBe(1);
    expect(await db.plaintiff.count({ where: { matterId: matter.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { matterId: matter.id } })).toBe(1);
  });

  it("makes two plaintiffs from two different forms with the same content", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    await createPlaintiff(paralegal, matter.id, validPlaintiffInput());
    await createPlaintiff(paralegal, matter.id, validPlaintiffInput());
    expect(await db.plaintiff.count({ where: { matterId: matter.id } })).toBe(2);
  });
});

describe("plaintiffs: editing", () => {
  it("saves an edit and audits before and after", async () => {
    const { matter, attorney, paralegal } = await makeMatterWithTeam();
    const p = await createPlaintiff(paralegal, matter.id, validPlaintiffInput());
    const { submissionKey: _unused, ...fields } = validPlaintiffInput();
    const updated = await updatePlaintiff(attorney, matter.id, p.id, {
      ...fields,
      residenceCity: "San Jose",
      expectedUpdatedAt: p.updatedAt.toISOString(),
    });
    expect(updated.residenceCity).toBe("San Jose");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: p.id, action: "plaintiff.update" } });
    expect(event.details).toMatchObject({ before: { residenceCity: "Palo Alto" }, after: { residenceCity: "San Jose" } });
  });

  it("refuses a stale edit instead of overwriting someone else's change", async () => {
    const { matter, attorney, paralegal } = await makeMatterWithTeam();
    const p = await createPlaintiff(paralegal, matter.id, validPlaintiffInput());
    const { submissionKey: _unused, ...fields } = validPlaintiffInput();
    const loaded = p.updatedAt.toISOString();
    await updatePlaintiff(attorney, matter.id, p.id, { ...fields, notes: "first", expectedUpdatedAt: loaded });
    const error = await refusal(updatePlaintiff(paralegal, matter.id, p.id, { ...fields, notes: "second", expectedUpdatedAt: loaded }));
    expect(error.code).toBe("CONFLICT");
    expect((await db.plaintiff.findUniqueOrThrow({ where: { id: p.id } })).notes).toBe("first");
  });

  it("does not find a plaintiff through another matter's URL", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const p = await createPlaintiff(paralegal, matter.id, validPlaintiffInput());
    const other = await makeMatter();
    await db.membership.create({ data: { userId: paralegal.userId, matterId: other.id, role: "PARALEGAL" } });
    expect((await refusal(getPlaintiff(paralegal, other.id, p.id))).code).toBe("NOT_FOUND");
    const { submissionKey: _unused, ...fields } = validPlaintiffInput();
    const error = await refusal(updatePlaintiff(paralegal, other.id, p.id, { ...fields, expectedUpdatedAt: p.updatedAt.toISOString() }));
    expect(error.code).toBe("NOT_FOUND");
    expect(await listPlaintiffs(paralegal, other.id)).toHaveLength(0);
  });
});

describe("plaintiffs: every problem in one submit", () => {
  it("reports a reversed range together with a missing state", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const input = validPlaintiffInput({ residenceState: undefined, firstUseFrom: "2019-05-01", firstUseTo: "2019-04-01" });
    const error = await refusal(createPlaintiff(paralegal, matter.id, input));
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["firstUseTo", "residenceState"]);
  });
});
