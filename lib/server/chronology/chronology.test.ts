import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-chronology-${process.pid}-${Date.now()}`;
});

import { generateCaptureText } from "@/lib/analyzer/har/generate-capture";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { createCount } from "@/lib/server/counts/create-count";
import { db } from "@/lib/server/db";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { unsafeAnalyzeCapture } from "@/lib/server/network/analyze-capture";
import { addExhibitDate, proposeExhibitDates } from "@/lib/server/chronology/add-exhibit-date";
import { buildFromAllegations } from "@/lib/server/chronology/build-from-allegations";
import { buildFromCaptures } from "@/lib/server/chronology/build-from-captures";
import { createFact } from "@/lib/server/chronology/create-fact";
import { deleteFact } from "@/lib/server/chronology/delete-fact";
import { exportChronology } from "@/lib/server/chronology/export-chronology";
import { listChronology } from "@/lib/server/chronology/list-chronology";
import { loadFactFor } from "@/lib/server/chronology/load-fact";
import { updateFact } from "@/lib/server/chronology/update-fact";
import { makeExhibit } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { validAllegationInput, validCountInput } from "@/lib/server/testing/ledger-fixtures";
import { refusal } from "@/lib/server/testing/refusal";

const fact = (overrides: Record<string, unknown> = {}) => ({
  submissionKey: crypto.randomUUID(),
  precision: "DAY",
  start: "2019-04-03",
  description: "The app sends the IMEI to umeng.com.",
  ...overrides,
});

const auditOf = (entityId: string) => db.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });

describe("chronology facts", () => {
  it("creates, edits and deletes a fact, each audited; two submits of one form make one fact", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const { exhibit } = await makeExhibit(paralegal, matter.id);
    const input = fact({ sourceExhibitId: exhibit.id, sourcePage: "1", tags: "umeng, imei", disputed: "on", disputedBy: "Defendant", disputeReason: "Says the SDK was off" });
    const created = await createFact(paralegal, matter.id, input);
    const again = await createFact(paralegal, matter.id, input);
    expect(again.id).toBe(created.id);
    expect(await db.chronologyFact.count({ where: { matterId: matter.id } })).toBe(1);
    expect(created).toMatchObject({ precision: "DAY", tags: ["umeng", "imei"], disputed: true, disputedBy: "Defendant", createdById: paralegal.userId });

    const { rows } = await listChronology(paralegal, matter.id, {});
    expect(rows[0]!.sources).toEqual([expect.objectContaining({ kind: "EXHIBIT", label: "PX-0001 at 1", href: `/matters/${matter.id}/exhibits/${exhibit.id}?page=1` })]);
    expect(rows[0]!.unsupported).toBe(false);

    await updateFact(paralegal, matter.id, created.id, { precision: "MONTH", start: "2019-04", description: "Edited.", elementIds: [], disputed: "false" });
    const updated = await loadFactFor(paralegal, matter.id, created.id);
    expect(updated).toMatchObject({ precision: "MONTH", description: "Edited.", disputed: false, disputedBy: null, sources: [] });
    expect(updated.startDate.toISOString()).toBe("2019-04-01T00:00:00.000Z");

    await refusal(deleteFact(paralegal, matter.id, created.id, {})).then((e) => expect(e.fieldErrors).toHaveProperty("reason"));
    await deleteFact(paralegal, matter.id, created.id, { reason: "Duplicate of the capture fact" });
    expect((await refusal(loadFactFor(paralegal, matter.id, created.id))).code).toBe("NOT_FOUND");
    expect((await listChronology(paralegal, matter.id, {})).rows).toHaveLength(0);

    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action)).toEqual(["chronology.create", "chronology.update", "chronology.delete"]);
    expect(audit[1]!.details).toMatchObject({ before: { date: "April 3, 2019", disputed: true }, after: { date: "April 2019", disputed: false } });
    expect(audit[2]!.details).toMatchObject({ reason: "Duplicate of the capture fact", before: { description: "Edited." } });
  });

  it("names the bad field: a month date typed without its month, an end before the start, another matter's exhibit", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const other = await makeMatterWithTeam();
    const { exhibit: foreign } = await makeExhibit(other.paralegal, other.matter.id);
    expect((await refusal(createFact(paralegal, matter.id, fact({ precision: "MONTH", start: "2019" })))).fieldErrors).toHaveProperty("start");
    expect((await refusal(createFact(paralegal, matter.id, fact({ end: "2019-04-01" })))).fieldErrors).toHaveProperty("end");
    expect((await refusal(createFact(paralegal, matter.id, fact({ sourceExhibitId: foreign.id })))).fieldErrors).toEqual({ sourceExhibitId: ["Unknown exhibit"] });
    expect((await refusal(createFact(paralegal, matter.id, fact({ description: "" })))).fieldErrors).toHaveProperty("description");
    expect(await db.chronologyFact.count({ where: { matterId: matter.id } })).toBe(0);
  });

  it("is invisible to a user of another matter, an admin who is not a member and a class member (404)", async () => {
    const { matter, paralegal, outsider, admin, member } = await makeMatterWithTeam();
    const created = await createFact(paralegal, matter.id, fact());
    for (const actor of [outsider, admin, member]) {
      expect((await refusal(listChronology(actor, matter.id, {}))).code).toBe("NOT_FOUND");
      expect((await refusal(loadFactFor(actor, matter.id, created.id))).code).toBe("NOT_FOUND");
      expect((await refusal(updateFact(actor, matter.id, created.id, { precision: "DAY", start: "2019-01-01", description: "x" }))).code).toBe("NOT_FOUND");
      expect((await refusal(deleteFact(actor, matter.id, created.id, { reason: "mine now" }))).code).toBe("NOT_FOUND");
      expect((await refusal(createFact(actor, matter.id, fact()))).code).toBe("NOT_FOUND");
      expect((await refusal(buildFromCaptures(actor, matter.id))).code).toBe("NOT_FOUND");
      expect((await refusal(exportChronology(actor, matter.id, "csv"))).code).toBe("NOT_FOUND");
    }
    // A fact reached through another matter's URL is not found either.
    const other = await makeMatterWithTeam();
    await db.membership.create({ data: { userId: paralegal.userId, matterId: other.matter.id, role: "PARALEGAL" } });
    expect((await refusal(loadFactFor(paralegal, other.matter.id, created.id))).code).toBe("NOT_FOUND");
    expect(await db.chronologyFact.count({ where: { id: created.id, deletedAt: null } })).toBe(1);
  });

  it("shows a fact without a source as unsupported, and filters by period, source, tag, element and dispute", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const count = await createCount(paralegal, matter.id, validCountInput());
    const element = await db.element.findFirstOrThrow({ where: { countId: count.id } });
    const allegation = await createAllegation(paralegal, matter.id, validAllegationInput());
    await createFact(paralegal, matter.id, fact({ description: "unsupported day", start: "2019-04-03", tags: "imei" }));
    await createFact(paralegal, matter.id, fact({ description: "month with allegation", precision: "MONTH", start: "2019-05", sourceAllegationId: allegation.id, elementIds: [element.id] }));
    await createFact(paralegal, matter.id, fact({ description: "disputed year", precision: "YEAR", start: "2017", disputed: "on", disputedBy: "Defendant" }));

    const names = async (q: Record<string, string>) => (await listChronology(paralegal, matter.id, q)).rows.map((r) => r.description);
    const all = await listChronology(paralegal, matter.id, {});
    expect(all.rows.map((r) => [r.description, r.unsupported])).toEqual([
      ["disputed year", true],
      ["unsupported day", true],
      ["month with allegation", false],
    ]);
    expect(all.tags).toEqual(["imei"]);
    expect(await names({ unsupported: "yes" })).toEqual(["disputed year", "unsupported day"]);
    expect(await names({ source: "ALLEGATION" })).toEqual(["month with allegation"]);
    expect(await names({ source: "NONE" })).toEqual(["disputed year", "unsupported day"]);
    expect(await names({ tag: "imei" })).toEqual(["unsupported day"]);
    expect(await names({ element: `element:${element.id}` })).toEqual(["month with allegation"]);
    expect(await names({ element: `count:${count.id}` })).toEqual(["month with allegation"]);
    expect(await names({ disputed: "yes" })).toEqual(["disputed year"]);
    // A month fact covers the whole month; a year fact its whole year.
    expect(await names({ from: "2019-05-20", to: "2019-12-31" })).toEqual(["month with allegation"]);
    expect(await names({ from: "2017-06-01", to: "2017-06-30" })).toEqual(["disputed year"]);
    expect(await names({ dir: "desc" })).toEqual(["month with allegation", "unsupported day", "disputed year"]);
    // A malformed filter is dropped, not a failure.
    expect(await names({ source: "BOGUS", from: "yesterday" })).toHaveLength(3);
  });
});

describe("building the chronology", () => {
  async function capture(actor: Parameters<typeof ingestExhibit>[0], matterId: string, options: Parameters<typeof generateCaptureText>[0]) {
    const { exhibit } = await ingestExhibit(actor, matterId, { body: [Buffer.from(generateCaptureText(options))], fileName: "capture.har" });
    const analysis = await db.captureAnalysis.findFirstOrThrow({ where: { exhibitId: exhibit.id } });
    await unsafeAnalyzeCapture(analysis.id);
    return { exhibit, analysis };
  }

  it("builds one fact per capture, destination and day, and building again adds nothing", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const a = await capture(paralegal, matter.id, { entries: 40 });
    const b = await capture(paralegal, matter.id, { entries: 12, start: new Date("2019-04-05T10:00:00Z") });

    const expected = await db.$queryRaw<{ exhibitId: string; destination: string; day: string; n: bigint; first: number; last: number }[]>`
      SELECT "exhibitId"::text AS "exhibitId", lower(coalesce("registrableDomain", host)) AS destination,
             to_char(("startedAt" AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, count(*) AS n, min("entryIndex") AS first, max("entryIndex") AS last
      FROM "NetworkObservation" WHERE "analysisId" IN (${a.analysis.id}::uuid, ${b.analysis.id}::uuid) GROUP BY 1, 2, 3`;
    expect(expected.length).toBeGreaterThan(2);
    expect(expected.length).toBeLessThan(52);

    const first = await buildFromCaptures(paralegal, matter.id);
    expect(first).toEqual({ created: expected.length, existing: 0 });
    const facts = await db.chronologyFact.findMany({ where: { matterId: matter.id }, include: { sources: true } });
    expect(facts).toHaveLength(expected.length);
    for (const e of expected) {
      const f = facts.find((x) => x.generatedKey === `capture:${e.exhibitId}:${e.destination}:${e.day}`)!;
      expect(f).toBeDefined();
      expect(f.startDate.toISOString().slice(0, 10)).toBe(e.day);
      expect(f.sources).toEqual([expect.objectContaining({ kind: "CAPTURE", exhibitId: e.exhibitId, firstEntry: e.first, lastEntry: e.last, requestCount: Number(e.n) })]);
      expect(f.description).toMatch(new RegExp(`^${e.day}: ${Number(e.n)} requests? from the app to ${e.destination.replace(/\./g, "\\.")}`));
    }
    const umeng = facts.find((f) => f.generatedKey?.includes(":umeng.com:2019-04-03") && f.sources[0]!.exhibitId === a.exhibit.id)!;
    expect(umeng.description).toMatch(/umeng\.com \(Umeng\) carrying IMEI, Android ID.* — PX-0001 entr(y|ies) \d+/);

    const second = await buildFromCaptures(paralegal, matter.id);
    expect(second).toEqual({ created: 0, existing: expected.length });
    expect(await db.chronologyFact.count({ where: { matterId: matter.id } })).toBe(expected.length);

    // A deleted generated fact stays deleted when the chronology is built again.
    await deleteFact(paralegal, matter.id, umeng.id, { reason: "Not relevant" });
    expect(await buildFromCaptures(paralegal, matter.id)).toEqual({ created: 0, existing: expected.length });
    expect((await listChronology(paralegal, matter.id, { source: "CAPTURE" })).rows).toHaveLength(expected.length - 1);

    const builds = await db.auditEvent.findMany({ where: { matterId: matter.id, action: "chronology.build" }, orderBy: { id: "asc" } });
    expect(builds.map((e) => e.details)).toEqual([
      { from: "captures", created: expected.length, existing: 0 },
      { from: "captures", created: 0, existing: expected.length },
      { from: "captures", created: 0, existing: expected.length },
    ]);
  });

  it("builds a fact from each allegation's observed period, once, sourced to the allegation", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const allegation = await createAllegation(paralegal, matter.id, validAllegationInput());
    await createAllegation(paralegal, matter.id, validAllegationInput({ paragraph: 42, observedFrom: undefined, observedTo: undefined }));
    expect(await buildFromAllegations(paralegal, matter.id)).toEqual({ created: 1, existing: 0 });
    expect(await buildFromAllegations(paralegal, matter.id)).toEqual({ created: 0, existing: 1 });
    const { rows } = await listChronology(paralegal, matter.id, {});
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ precision: "MONTH", sources: [expect.objectContaining({ kind: "ALLEGATION", label: "Compl. ¶ 41", href: `/matters/${matter.id}/allegations/${allegation.id}` })] });
    expect(rows[0]!.description).toBe("Alleged transfer of device identifiers, browsing history to umeng.com (Alibaba Group), observed April 2019 (Compl. ¶ 41)");
  });

  it("adds an exhibit's recorded dates once each, and proposes none it does not record", async () => {
    const { matter, paralegal, outsider } = await makeMatterWithTeam();
    const { exhibit } = await makeExhibit(paralegal, matter.id);
    await db.exhibit.update({ where: { id: exhibit.id }, data: { obtainedAt: new Date("2019-04-04T06:30:00Z"), documentDate: null } });
    const proposals = await proposeExhibitDates(paralegal, matter.id, exhibit.id);
    // The matter's zone (America/Los_Angeles): 06:30 UTC on the 4th is still the 3rd there.
    expect(proposals).toEqual([expect.objectContaining({ dateKind: "obtained", factId: null, startDate: new Date("2019-04-03T00:00:00Z") })]);
    const added = await addExhibitDate(paralegal, matter.id, exhibit.id, { dateKind: "obtained" });
    expect(added.created).toBe(true);
    expect(await addExhibitDate(paralegal, matter.id, exhibit.id, { dateKind: "obtained" })).toEqual({ factId: added.factId, created: false });
    expect((await refusal(addExhibitDate(paralegal, matter.id, exhibit.id, { dateKind: "document" }))).fieldErrors).toHaveProperty("dateKind");
    expect((await refusal(addExhibitDate(outsider, matter.id, exhibit.id, { dateKind: "obtained" }))).code).toBe("NOT_FOUND");
    expect((await proposeExhibitDates(paralegal, matter.id, exhibit.id))[0]!.factId).toBe(added.factId);
    expect((await auditOf(added.factId)).map((a) => a.details)).toEqual([expect.objectContaining({ from: "exhibit" })]);
  });
});

describe("exporting the chronology", () => {
  it("leaves out facts proven only by a privileged exhibit unless an attorney includes them, and names the audit event", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const { exhibit: open } = await makeExhibit(paralegal, matter.id);
    const { exhibit: privileged } = await makeExhibit(paralegal, matter.id);
    await db.exhibit.update({ where: { id: privileged.id }, data: { privilege: "WORK_PRODUCT" } });
    await createFact(paralegal, matter.id, fact({ description: "=HYPERLINK(\"http://x\")", sourceExhibitId: open.id }));
    await createFact(paralegal, matter.id, fact({ description: "Privileged-only fact", sourceExhibitId: privileged.id }));
    await createFact(paralegal, matter.id, fact({ description: "Unsupported fact", start: "2019-04-04" }));

    const csv = (await exportChronology(paralegal, matter.id, "csv")).body.toString("utf8");
    expect(csv).not.toContain("Privileged-only fact");
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).toContain("UNSUPPORTED (no source)");
    expect(csv).toContain("1 fact proven only by privileged exhibits left out.");
    const event = await db.auditEvent.findFirstOrThrow({ where: { matterId: matter.id, action: "chronology.export" }, orderBy: { id: "desc" } });
    expect(event.details).toEqual({ format: "csv", count: 2, privilegedOnly: 1, privilegedIncluded: false });
    expect(csv).toContain(`recorded as audit event #${event.id}`);

    expect((await refusal(exportChronology(paralegal, matter.id, "pdf", { includePrivileged: "1" }))).code).toBe("FORBIDDEN");
    const pdf = await exportChronology(attorney, matter.id, "pdf", { includePrivileged: "1" });
    expect(pdf.contentType).toBe("application/pdf");
    expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
    const withPrivileged = (await exportChronology(attorney, matter.id, "csv", { includePrivileged: "1" })).body.toString("utf8");
    expect(withPrivileged).toContain("Privileged-only fact");
    expect(JSON.stringify((await refusal(exportChronology(paralegal, matter.id, "csv", { bogus: "1" }))).fieldErrors)).toContain("bogus");
  });
});
