import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/app-error";
import { encodeGapCursor, GAP_CSV_CHUNK, ZGapCursor, ZGapReportPageQuery } from "@/lib/schemas/gap-report";
import { parseSearchParams } from "@/lib/schemas/search-params";
import { getGapReportForApi } from "@/lib/server/api/get-gap-report";
import { db } from "@/lib/server/db";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { flagAllegation } from "@/lib/server/allegations/flag-allegation";
import { createCount } from "@/lib/server/counts/create-count";
import { listCounts } from "@/lib/server/counts/list-counts";
import { createEvidenceRequest } from "@/lib/server/evidence/create-evidence-request";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { getCoverage } from "@/lib/server/ledger/get-coverage";
import { gapReportCsv } from "@/lib/server/ledger/gap-report-csv";
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

// A matter whose gaps need several pages: labels out of creation order, two labels sharing a sort
// key (37a and 37.1 both sort as 37001, so the id breaks the tie), and every kind of gap.
async function pagedWorld() {
  const team = await makeMatterWithTeam();
  const m = team.matter.id;
  const { attorney } = team;
  const labels: [string, number][] = [];
  for (let p = 30; p >= 1; p--) labels.push([String(p), p * 1000]);
  labels.push(["7a", 7001], ["7.1", 7001], ["7b", 7002], ["30a", 30001]);
  await db.allegation.createMany({
    data: labels.map(([label, sortKey]) => ({ matterId: m, paragraph: Math.floor(sortKey / 1000), paragraphLabel: label, paragraphSortKey: sortKey, text: `Allegation ¶ ${label}`, kind: "GENERAL" as const })),
  });
  const all = await db.allegation.findMany({ where: { matterId: m }, select: { id: true, paragraphLabel: true, paragraphSortKey: true } });
  const byLabel = new Map(all.map((a) => [a.paragraphLabel, a.id]));
  const open = await makeLinkableExhibit(m, attorney);
  const privileged = await makeLinkableExhibit(m, attorney, { privilege: "WORK_PRODUCT" });
  const link = (label: string, exhibitId: string, relation: "SUPPORTS" | "CONTRADICTS" | "CONTEXT") => ({
    matterId: m, allegationId: byLabel.get(label)!, exhibitId, relation, createdById: attorney.userId,
  });
  // Supported: every third ¶ number, and 7b. Of those, ¶ 3 is flagged UNSUPPORTED by a person
  // (a gap for its flag alone, status SUPPORTED) and ¶ 6 flagged WEAK (PARTIAL).
  const supported = [...labels.map(([l]) => l).filter((l) => /^\d+$/.test(l) && Number(l) % 3 === 0), "7b"];
  await db.evidenceLink.createMany({
    data: [
      ...supported.map((l) => link(l, open.id, "SUPPORTS")),
      link("4", privileged.id, "SUPPORTS"),
      link("5", open.id, "CONTRADICTS"),
      link("7.1", open.id, "CONTRADICTS"),
      link("8", open.id, "CONTEXT"),
    ],
  });
  await db.allegation.update({ where: { id: byLabel.get("3")! }, data: { flagSeverity: "UNSUPPORTED", flagReason: "The capture is of another app" } });
  await db.allegation.update({ where: { id: byLabel.get("6")! }, data: { flagSeverity: "WEAK", flagReason: "Hearsay" } });
  await db.allegation.update({ where: { id: byLabel.get("10")! }, data: { flagSeverity: "UNSUPPORTED", flagReason: "Nothing yet" } });
  const gaps = all
    .filter((a) => !supported.includes(a.paragraphLabel) || a.paragraphLabel === "3" || a.paragraphLabel === "6")
    .sort((a, b) => a.paragraphSortKey - b.paragraphSortKey || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...team, m, byLabel, gaps };
}

describe("gap report pages", () => {
  it("pages forward and back by cursor in complaint order, every gap exactly once, with the totals of the whole report", async () => {
    const w = await pagedWorld();
    const expected = w.gaps.map((g) => g.id);
    expect(expected.length).toBe(25);
    const seen: string[] = [];
    const pages: string[][] = [];
    let report = await getGapReport(w.paralegal, w.m, { limit: 7 });
    expect(report.previous).toBeNull();
    expect(report.totals).toEqual({ gaps: 25, byStatus: { UNSUPPORTED: 20, CONTRADICTED: 2, PARTIAL: 2, SUPPORTED: 1 }, flagged: 3 });
    for (;;) {
      pages.push(report.rows.map((r) => r.id));
      seen.push(...report.rows.map((r) => r.id));
      if (!report.next) break;
      expect(report.totals.gaps).toBe(25);
      report = await getGapReport(w.paralegal, w.m, { after: ZGapCursor.parse(report.next), limit: 7 });
    }
    expect(seen).toEqual(expected);
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 4]);
    // ¶ 7.1 and ¶ 7a share a sort key; both are listed, in id order.
    const tied = w.gaps.filter((g) => g.paragraphSortKey === 7001).map((g) => g.paragraphLabel);
    expect(tied.sort()).toEqual(["7.1", "7a"]);
    expect(report.rows.at(-1)!.paragraphLabel).toBe("30a");

    // Back from the last page by Previous: the same pages, the first one knows it is first.
    const back: string[][] = [];
    for (;;) {
      if (!report.previous) break;
      report = await getGapReport(w.paralegal, w.m, { before: ZGapCursor.parse(report.previous), limit: 7 });
      back.unshift(report.rows.map((r) => r.id));
      expect(report.next).not.toBeNull();
    }
    expect(back).toEqual(pages.slice(0, -1));
    expect(report.previous).toBeNull();

    const first = await getGapReport(w.paralegal, w.m);
    expect(first.rows.map((r) => r.id)).toEqual(expected);
    expect(first.next).toBeNull();
    const flaggedSupported = first.rows.find((r) => r.paragraphLabel === "3")!;
    expect(flaggedSupported).toMatchObject({ status: "SUPPORTED", flagSeverity: "UNSUPPORTED", flagReason: "The capture is of another app" });
    expect(first.rows.find((r) => r.paragraphLabel === "6")).toMatchObject({ status: "PARTIAL", flagSeverity: "WEAK" });
  });

  it("a cursor is checked part by part: the page drops a bad one, the API names the field", async () => {
    const w = await pagedWorld();
    const id = w.gaps[3]!.id;
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    expect(ZGapCursor.parse(encodeGapCursor({ sortKey: 7001, id }))).toEqual({ sortKey: 7001, id });
    const bad = ["forged", "%%%", b64([1.5, id]), b64([2 ** 31, id]), b64(["1", id]), b64([1, "not-a-uuid"]), b64([1, id, 3]), b64({ sortKey: 1, id }), "A".repeat(201), ""];
    for (const cursor of bad) expect(ZGapCursor.safeParse(cursor).success, cursor).toBe(false);

    const query = parseSearchParams(ZGapReportPageQuery, { after: b64([1, "x"]), before: "forged" });
    expect(query).toEqual({});
    expect((await getGapReport(w.paralegal, w.m, query)).rows[0]!.id).toBe(w.gaps[0]!.id);

    const refused = async (q: Record<string, string>) => {
      try {
        await getGapReportForApi(w.paralegal, w.m, q);
      } catch (error) {
        if (isAppError(error) && error.code === "VALIDATION") return Object.keys(error.fieldErrors ?? {});
        throw error;
      }
      return [];
    };
    expect(await refused({ cursor: "forged" })).toEqual(["cursor"]);
    expect(await refused({ cursor: b64([2 ** 40, id]) })).toEqual(["cursor"]);
    expect(await refused({ cursor: b64([1, "' OR 1=1 --"]) })).toEqual(["cursor"]);
    expect(await refused({ limit: "0" })).toEqual(["limit"]);
    expect(await refused({ limit: "501" })).toEqual(["limit"]);
    expect(await refused({ limit: "ten" })).toEqual(["limit"]);
    expect(await refused({ after: "x" })).toEqual(["_form"]);

    const api = await getGapReportForApi(w.paralegal, w.m, { limit: "10" });
    expect(api.gaps.map((g) => g.id)).toEqual(w.gaps.slice(0, 10).map((g) => g.id));
    expect(api.totals.gaps).toBe(25);
    const next = await getGapReportForApi(w.paralegal, w.m, { limit: "500", cursor: api.nextCursor! });
    expect(next.gaps.map((g) => g.id)).toEqual(w.gaps.slice(10).map((g) => g.id));
    expect(next.nextCursor).toBeNull();
  });

  it("a nearly proven matter: gaps far apart are found past the walk's cut-off, forward and back", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const m = matter.id;
    await db.$executeRaw`
      INSERT INTO "Allegation" (id, "matterId", paragraph, text, kind, "updatedAt")
      SELECT gen_random_uuid(), ${m}::uuid, p, 'Allegation ' || p, 'GENERAL', now() FROM generate_series(1, 300) p`;
    const exhibit = await makeLinkableExhibit(m, attorney);
    await db.$executeRaw`
      INSERT INTO "EvidenceLink" (id, "matterId", "allegationId", "exhibitId", relation, "createdById")
      SELECT gen_random_uuid(), ${m}::uuid, a.id, ${exhibit.id}::uuid, 'SUPPORTS', ${attorney.userId}::uuid
      FROM "Allegation" a WHERE a."matterId" = ${m}::uuid AND a.paragraph % 50 <> 0`;
    // Supported but flagged: a gap for its flag, between two far-apart unsupported ones.
    await db.allegation.updateMany({ where: { matterId: m, paragraph: 77 }, data: { flagSeverity: "UNSUPPORTED", flagReason: "Wrong capture" } });
    const expected = [50, 77, 100, 150, 200, 250, 300];
    const forward: number[][] = [];
    let report = await getGapReport(paralegal, m, { limit: 2 });
    for (;;) {
      forward.push(report.rows.map((r) => r.paragraph));
      if (!report.next) break;
      report = await getGapReport(paralegal, m, { after: ZGapCursor.parse(report.next), limit: 2 });
    }
    expect(forward).toEqual([[50, 77], [100, 150], [200, 250], [300]]);
    expect(report.totals).toEqual({ gaps: 7, byStatus: { UNSUPPORTED: 6, CONTRADICTED: 0, PARTIAL: 0, SUPPORTED: 1 }, flagged: 1 });
    const backward: number[][] = [];
    while (report.previous) {
      report = await getGapReport(paralegal, m, { before: ZGapCursor.parse(report.previous), limit: 2 });
      backward.unshift(report.rows.map((r) => r.paragraph));
    }
    expect(backward).toEqual(forward.slice(0, -1));
    expect((await getGapReport(paralegal, m, { limit: 100 })).rows.map((r) => r.paragraph)).toEqual(expected);
  });

  it("the CSV lists every gap once, in complaint order, across chunks of the cursor", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const n = GAP_CSV_CHUNK + 5;
    await db.$executeRaw`
      INSERT INTO "Allegation" (id, "matterId", paragraph, text, kind, "flagSeverity", "flagReason", "updatedAt")
      SELECT gen_random_uuid(), ${matter.id}::uuid, p, '=HYPERLINK("x") ¶ ' || p, 'GENERAL', CASE WHEN p % 100 = 0 THEN 'UNSUPPORTED'::"FlagSeverity" END, CASE WHEN p % 100 = 0 THEN 'why' END, now()
      FROM generate_series(1, ${n}::int) p`;
    const { filename, body } = await gapReportCsv(paralegal, matter.id);
    expect(filename).toMatch(/^gap-report-5_26-cv-[0-9a-f]+-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(body).toBeInstanceOf(ReadableStream);
    const text = await new Response(body).text();
    const rows = parse(text.replace(/^\uFEFF/, "")) as string[][];
    expect(rows[0]).toEqual(["Paragraph", "Status", "Flag", "Kind", "Allegation", "Elements", "Destination", "Open requests"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: n }, (_, i) => String(i + 1)));
    expect(rows[100]).toEqual(["100", "UNSUPPORTED", "Unsupported: why", "General", "'=HYPERLINK(\"x\") ¶ 100", "", "", ""]);
  });
});
