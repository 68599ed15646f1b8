import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { addElement } from "@/lib/server/counts/add-element";
import { createCount } from "@/lib/server/counts/create-count";
import { listCounts } from "@/lib/server/counts/list-counts";
import { reorderElements } from "@/lib/server/counts/reorder-elements";
import { updateCount } from "@/lib/server/counts/update-count";
import { updateElement } from "@/lib/server/counts/update-element";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { validCountInput } from "@/lib/server/testing/ledger-fixtures";
import { refusal } from "@/lib/server/testing/refusal";

describe("counts and their ordered elements", () => {
  it("creates a count with its elements in order, audited", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const count = await createCount(paralegal, matter.id, validCountInput());
    const listed = (await listCounts(paralegal, matter.id))[0]!;
    expect(listed.id).toBe(count.id);
    expect(listed.elements.map((e) => [e.position, e.text])).toEqual([
      [1, "Access to a protected computer"],
      [2, "Without or exceeding authorization"],
      [3, "Obtained information"],
      [4, "Loss of at least $5,000"],
    ]);
    expect(await db.auditEvent.count({ where: { matterId: matter.id, action: "count.create" } })).toBe(1);
  });

  it("refuses a duplicate count number as a field error and writes nothing", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    await createCount(paralegal, matter.id, validCountInput());
    const error = await refusal(createCount(paralegal, matter.id, validCountInput({ title: "Other" })));
    expect(error.fieldErrors.number?.[0]).toMatch(/Count 1 already exists/);
    expect(await db.count.count({ where: { matterId: matter.id } })).toBe(1);
  });

  it("refuses a missing title and a non-numeric number together", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const error = await refusal(createCount(paralegal, matter.id, validCountInput({ title: " ", number: "two" })));
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["number", "title"]);
  });

  it("edits a count, adds, renames and reorders elements", async () => {
    const { matter, attorney } = await makeMatterWithTeam();
    const count = await createCount(attorney, matter.id, validCountInput());
    await updateCount(attorney, matter.id, count.id, { number: 1, title: "CFAA", statute: "18 U.S.C. § 1030(g)" });
    const added = await addElement(attorney, matter.id, count.id, { text: "Damage" });
    expect(added.position).toBe(5);
    await updateElement(attorney, matter.id, added.id, { text: "Damage or loss" });
    const before = (await listCounts(attorney, matter.id))[0]!;
    const reversed = before.elements.map((e) => e.id).reverse();
    await reorderElements(attorney, matter.id, count.id, { elementIds: reversed });
    const after = (await listCounts(attorney, matter.id))[0]!;
    expect(after.title).toBe("CFAA");
    expect(after.elements.map((e) => e.text)).toEqual(["Damage or loss", "Loss of at least $5,000", "Obtained information", "Without or exceeding authorization", "Access to a protected computer"]);
    expect(after.elements.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses a reorder that drops or repeats an element", async () => {
    const { matter, attorney } = await makeMatterWithTeam();
    const count = await createCount(attorney, matter.id, validCountInput());
    const c = (await listCounts(attorney, matter.id))[0]!;
    const ids = c.elements.map((e) => e.id);
    expect((await refusal(reorderElements(attorney, matter.id, count.id, { elementIds: ids.slice(1) }))).fieldErrors.elementIds).toBeDefined();
    expect((await refusal(reorderElements(attorney, matter.id, count.id, { elementIds: [ids[0], ...ids.slice(0, 3)] }))).fieldErrors.elementIds).toBeDefined();
  });
});
