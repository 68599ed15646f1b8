import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { updateAllegation } from "@/lib/server/allegations/update-allegation";
import { getAllegation } from "@/lib/server/allegations/get-allegation";
import { flagAllegation } from "@/lib/server/allegations/flag-allegation";
import { createCount } from "@/lib/server/counts/create-count";
import { listCounts } from "@/lib/server/counts/list-counts";
import { makeMatter, makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { validAllegationInput, validCountInput } from "@/lib/server/testing/ledger-fixtures";
import { refusal } from "@/lib/server/testing/refusal";

describe("allegations: validation", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["a missing paragraph", { paragraph: undefined }, "paragraph"],
    ["a paragraph that is not a number", { paragraph: "41a" }, "paragraph"],
    ["blank text", { text: "  " }, "text"],
    ["an unknown kind", { kind: "RUMOUR" }, "kind"],
    ["an unknown data category", { dataCategories: ["DEVICE_IDENTIFIERS", "DNA"] }, "dataCategories.1"],
    ["no data category on a transfer", { dataCategories: [] }, "dataCategories"],
    ["no destination host on a transfer", { destinationHost: undefined }, "destinationHost"],
    ["a URL instead of a host", { destinationHost: "https://umeng.com/path" }, "destinationHost"],
    ["a country that is not ISO 3166", { destinationCountry: "XX" }, "destinationCountry"],
    ["a three-letter country", { destinationCountry: "CHN" }, "destinationCountry"],
    ["an impossible date", { observedFrom: "2019-02-30" }, "observedFrom"],
    ["a reversed period", { observedFrom: "2019-04-30", observedTo: "2019-04-01" }, "observedTo"],
    ["an unknown platform", { appPlatform: "SYMBIAN" }, "appPlatform"],
    ["transfer detail on a general allegation", { kind: "GENERAL" }, "kind"],
    ["an element id that is not a uuid", { elementIds: ["nope"] }, "elementIds.0"],
    ["a field the form does not have", { status: "SUPPORTED" }, "_form"],
  ];

  it.each(cases)("refuses %s, naming the field, and writes nothing", async (_label, override, field) => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const error = await refusal(createAllegation(paralegal, matter.id, validAllegationInput(override)));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors)).toContain(field);
    expect(await db.allegation.count({ where: { matterId: matter.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { matterId: matter.id } })).toBe(0);
  });

  it("refuses a duplicate ¶ number as a field error", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    await createAllegation(paralegal, matter.id, validAllegationInput());
    const error = await refusal(createAllegation(paralegal, matter.id, validAllegationInput({ text: "Another" })));
    expect(error.fieldErrors.paragraph).toEqual(["¶ 41 is already an allegation in this matter"]);
    expect(await db.allegation.count({ where: { matterId: matter.id } })).toBe(1);
  });

  it("refuses elements of another matter's counts (unknown element ids)", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const other = await makeMatter();
    await db.membership.create({ data: { userId: paralegal.userId, matterId: other.id, role: "PARALEGAL" } });
    await createCount(paralegal, other.id, validCountInput());
    const foreign = (await listCounts(paralegal, other.id))[0]!;
    const error = await refusal(createAllegation(paralegal, matter.id, validAllegationInput({ elementIds: [foreign.elements[0]!.id] })));
    expect(error.fieldErrors.elementIds?.[0]).toMatch(/not elements of this matter/);
    const random = await refusal(createAllegation(paralegal, matter.id, validAllegationInput({ elementIds: [crypto.randomUUID()] })));
    expect(random.fieldErrors.elementIds).toBeDefined();
    expect(await db.allegation.count({ where: { matterId: matter.id } })).toBe(0);
  });

  it("accepts a lower-case country and host and stores them normalised", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const a = await createAllegation(paralegal, matter.id, validAllegationInput({ destinationCountry: "cn", destinationHost: "Bugly.QQ.com" }));
    const dt = await db.dataTransfer.findUniqueOrThrow({ where: { allegationId: a.id } });
    expect(dt).toMatchObject({ destinationCountry: "CN", destinationHost: "bugly.qq.com", dataCategories: ["DEVICE_IDENTIFIERS", "BROWSING_HISTORY"] });
    expect(dt.observedFrom?.toISOString().slice(0, 10)).toBe("2019-04-01");
  });
});

describe("allegations: saving", () => {
  it("stores a data-transfer allegation with its elements and detail, one per submitted form", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    await createCount(paralegal, matter.id, validCountInput());
    const count = (await listCounts(paralegal, matter.id))[0]!;
    const input = validAllegationInput({ elementIds: [count.elements[0]!.id, count.elements[2]!.id] });
    const results = await Promise.all(Array.from({ length: 5 }, () => createAllegation(paralegal, matter.id, input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const { allegation, elements, support } = await getAllegation(paralegal, matter.id, results[0]!.id);
    expect(elements.map((e) => e.position)).toEqual([1, 3]);
    expect(allegation.dataTransfer?.recipientOrg).toBe("Alibaba Group");
    expect(support.status).toBe("UNSUPPORTED");
    expect(await db.auditEvent.count({ where: { matterId: matter.id, action: "allegation.create" } })).toBe(1);
  });

  it("edits: changing the kind away from data transfer removes the detail; a stale edit is refused", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const a = await createAllegation(paralegal, matter.id, validAllegationInput());
    const loaded = a.updatedAt.toISOString();
    await updateAllegation(attorney, matter.id, a.id, {
      paragraph: 42,
      text: "TikTok made an account for a person who never signed up.",
      kind: "ACCOUNT_CREATION",
      expectedUpdatedAt: loaded,
    });
    expect(await db.dataTransfer.count({ where: { allegationId: a.id } })).toBe(0);
    const error = await refusal(updateAllegation(paralegal, matter.id, a.id, { paragraph: 43, text: "x", kind: "GENERAL", expectedUpdatedAt: loaded }));
    expect(error.code).toBe("CONFLICT");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: a.id, action: "allegation.update" } });
    expect(event.details).toMatchObject({ before: { paragraph: 41, kind: "DATA_TRANSFER" }, after: { paragraph: 42, kind: "ACCOUNT_CREATION" } });
  });

  it("refuses an edit onto another allegation's ¶", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    await createAllegation(paralegal, matter.id, validAllegationInput());
    const b = await createAllegation(paralegal, matter.id, validAllegationInput({ paragraph: 50 }));
    const fields: Record<string, unknown> = validAllegationInput({ paragraph: 41 });
    delete fields.submissionKey;
    const error = await refusal(updateAllegation(paralegal, matter.id, b.id, { ...fields, expectedUpdatedAt: b.updatedAt.toISOString() }));
    expect(error.fieldErrors.paragraph).toBeDefined();
  });
});

describe("allegations: flags", () => {
  it("flags with a reason, audited; refuses a flag with no reason", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const a = await createAllegation(paralegal, matter.id, validAllegationInput());
    const error = await refusal(flagAllegation(paralegal, matter.id, a.id, { severity: "UNSUPPORTED", reason: "" }));
    expect(error.fieldErrors.reason).toBeDefined();
    await flagAllegation(paralegal, matter.id, a.id, { severity: "UNSUPPORTED", reason: "Complaint attached no documents" });
    const flagged = await db.allegation.findUniqueOrThrow({ where: { id: a.id } });
    expect(flagged).toMatchObject({ flagSeverity: "UNSUPPORTED", flaggedById: paralegal.userId });
    expect(await db.auditEvent.count({ where: { entityId: a.id, action: "allegation.flag" } })).toBe(1);
  });
});
