import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { flagAllegation } from "@/lib/server/allegations/flag-allegation";
import { createCount } from "@/lib/server/counts/create-count";
import { listCounts } from "@/lib/server/counts/list-counts";
import { createEvidenceRequest } from "@/lib/server/evidence/create-evidence-request";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { getCoverage } from "@/lib/server/ledger/get-coverage";
import { getGapReport } from "@/lib/server/ledger/get-gap-report";
import { listLedger } from "@/lib/server/ledger/list-ledger";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { makeLinkableExhibit, validAllegationInput, validCountInput } from "@/lib/server/testing/ledger-fixtures";

async function ledgerWorld() {
  const team = await makeMatterWithTeam();
  const m = team.matter.id;
  const { paralegal, attorney } = team;
  await createCount(paralegal, m, validCountInput());
  const count = (await listCounts(paralegal, m))[0]!;
  const e1 = count.elements[0]!;
  const e2 = count.elements[1]!;
  const umeng = await createAllegation(paralegal, m, validAllegationInput({ paragraph: 10, elementIds: [e1.id] }));
  const bugly = await createAllegation(paralegal, m, validAllegationInput({ paragraph: 11, destinationHost: "bugly.qq.com", recipientOrg: "Tencent", elementIds: [e1.id, e2.id] }));
  const account = await createAllegation(paralegal, m, { ...validAllegationInput({ paragraph: 12, kind: "ACCOUNT_CREATION", text: "Made an account for a person who never signed up." }), dataCategories: [], destinationHost: undefined, recipientOrg: undefined, destinationCountry: undefined, observedFrom: undefined, observedTo: undefined, appPlatform: undefined });
  const usHost = await createAllegation(paralegal, m, validAllegationInput({ paragraph: 13, destinationHost: "example.us", destinationCountry: "US" }));
  const open = await makeLinkableExhibit(m, attorney);
  const privileged = await makeLinkableExhibit(m, attorney, { privilege: "WORK_PRODUCT" });
  await linkEvidence(attorney, m, umeng.id, { exhibitId: open.id, relation: "SUPPORTS", submissionKey: crypto.randomUUID() });
  await linkEvidence(attorney, m, bugly.id, { exhibitId: privileged.id, relation: "SUPPORTS", submissionKey: crypto.randomUUID() });
  await linkEvidence(attorney, m, usHost.id, { exhibitId: open.id, relation: "CONTRADICTS", submissionKey: crypto.randomUUID() });
  await flagAllegation(paralegal, m, account.id, { severity: "UNSUPPORTED", reason: "No document attached" });
  const request = await createEvidenceRequest(paralegal, m, account.id, { description: "Account creation logs", dueOn: new Date().toISOString().slice(0, 10), submissionKey: crypto.randomUUID() });
  // A request that has fallen overdue: written directly, since the use case refuses past dates.
  await db.evidenceRequest.update({ where: { id: request.id }, data: { dueOn: new Date("2020-01-01T00:00:00Z") } });
  return { ...team, m, count, e1, e2, umeng, bugly, account, usHost };
}

describe("ledger, coverage and gap report read the one derivation", () => {
  it("filters by status, kind, element, flag, request, country and free text, server-side", async () => {
    const w = await ledgerWorld();
    const paragraphs = async (q: Record<string, string>) => (await listLedger(w.paralegal, w.m, q)).rows.map((r) => r.paragraph);
    expect(await paragraphs({})).toEqual([10, 11, 12, 13]);
    expect(await paragraphs({ status: "SUPPORTED" })).toEqual([10]);
    expect(await paragraphs({ status: "PARTIAL" })).toEqual([11]);
    expect(await paragraphs({ status: "CONTRADICTED" })).toEqual([13]);
    expect(await paragraphs({ status: "UNSUPPORTED" })).toEqual([12]);
    expect(await paragraphs({ kind: "ACCOUNT_CREATION" })).toEqual([12]);
    expect(await paragraphs({ element: `element:${w.e2.id}` })).toEqual([11]);
    expect(await paragraphs({ element: `count:${w.count.id}` })).toEqual([10, 11]);
    expect(await paragraphs({ flagged: "yes" })).toEqual([12]);
    expect(await paragraphs({ request: "overdue" })).toEqual([12]);
    expect(await paragraphs({ request: "none" })).toEqual([10, 11, 13]);
    expect(await paragraphs({ country: "us" })).toEqual([13]);
    expect(await paragraphs({ q: "tencent" })).toEqual([11]);
    expect(await paragraphs({ q: "¶ 13" })).toEqual([13]);
    expect(await paragraphs({ q: "100%_" })).toEqual([]);
    expect(await paragraphs({ sort: "status" })).toEqual([13, 12, 11, 10]);
    expect(await paragraphs({ sort: "paragraph", dir: "desc" })).toEqual([13, 12, 11, 10]);
    expect(await paragraphs({ status: "NOPE", sort: "DROP TABLE" })).toEqual([10, 11, 12, 13]);
  });

  it("shows why: each row carries the links behind its status", async () => {
    const w = await ledgerWorld();
    const { rows } = await listLedger(w.paralegal, w.m, { status: "PARTIAL" });
    expect(rows[0]!.statusLinks).toEqual([expect.objectContaining({ relation: "SUPPORTS", privilege: "WORK_PRODUCT" })]);
    expect(rows[0]!.elements).toEqual(["1.1", "1.2"]);
  });

  it("coverage counts allegations by status and finds elements with no supported allegation", async () => {
    const w = await ledgerWorld();
    const c = await getCoverage(w.attorney, w.m);
    expect(c.byStatus).toEqual({ SUPPORTED: 1, PARTIAL: 1, UNSUPPORTED: 1, CONTRADICTED: 1 });
    expect(c.elements.map((e) => [e.position, e.allegations, e.supported])).toEqual([[1, 2, 1], [2, 1, 0], [3, 0, 0], [4, 0, 0]]);
    expect(c.unprovenElements).toBe(3);
    expect(c).toMatchObject({ openRequests: 1, overdueRequests: 1 });
  });

  it("the gap report lists what is not proven, with open requests, and drops an allegation once supported", async () => {
    const w = await ledgerWorld();
    const report = await getGapReport(w.paralegal, w.m);
    expect(report.rows.map((r) => r.paragraph)).toEqual([11, 12, 13]);
    expect(report.rows[1]!.requests).toEqual([{ description: "Account creation logs", assignee: null, dueOn: "2020-01-01", overdue: true }]);
    const exhibit = await makeLinkableExhibit(w.m, w.attorney);
    await linkEvidence(w.attorney, w.m, w.account.id, { exhibitId: exhibit.id, relation: "SUPPORTS", submissionKey: crypto.randomUUID() });
    expect((await getGapReport(w.paralegal, w.m)).rows.map((r) => r.paragraph)).toEqual([11, 13]);
  });
});
