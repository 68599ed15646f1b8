import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DEMO_TEST_DEVICE, generateCaptureText } from "@/lib/analyzer/har/generate-capture";
import { db } from "@/lib/server/db";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { getAllegation } from "@/lib/server/allegations/get-allegation";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { acceptSuggestion } from "@/lib/server/network/accept-suggestion";
import { unsafeAnalyzeCapture } from "@/lib/server/network/analyze-capture";
import { dismissSuggestion } from "@/lib/server/network/dismiss-suggestion";
import { getCaptureFindings } from "@/lib/server/network/get-capture-findings";
import { listSuggestions } from "@/lib/server/network/list-suggestions";
import { reanalyzeCapture } from "@/lib/server/network/reanalyze-capture";
import { setTrackerOverride } from "@/lib/server/network/set-tracker-override";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { validAllegationInput } from "@/lib/server/testing/ledger-fixtures";
import { refusal } from "@/lib/server/testing/refusal";

async function setup() {
  const team = await makeMatterWithTeam();
  await db.matter.update({ where: { id: team.matter.id }, data: { flaggedCountries: ["CN"] } });
  await db.testDevice.create({ data: { matterId: team.matter.id, label: "Pixel test phone", ...DEMO_TEST_DEVICE } });
  const umeng = await createAllegation(team.paralegal, team.matter.id, validAllegationInput({ paragraph: 41, destinationHost: "umeng.com" }));
  const bugly = await createAllegation(team.paralegal, team.matter.id, validAllegationInput({ paragraph: 42, destinationHost: "bugly.qq.com", recipientOrg: "Tencent" }));
  return { ...team, umeng, bugly };
}

async function upload(actor: Parameters<typeof ingestExhibit>[0], matterId: string, body: Buffer, fileName = "capture.har") {
  const { exhibit } = await ingestExhibit(actor, matterId, { body: [body], fileName });
  const analysis = await db.captureAnalysis.findFirstOrThrow({ where: { exhibitId: exhibit.id }, orderBy: { createdAt: "desc" } });
  await unsafeAnalyzeCapture(analysis.id);
  return { exhibit, analysis: await db.captureAnalysis.findUniqueOrThrow({ where: { id: analysis.id } }) };
}

describe("capture analysis and suggestions", () => {
  it("ingesting a HAR to umeng.com and bugly.qq.com gives observations with categories and traces, then suggestions", async () => {
    const { matter, paralegal, attorney, umeng, bugly } = await setup();
    const { exhibit, analysis } = await upload(paralegal, matter.id, Buffer.from(generateCaptureText({ entries: 20 })));
    expect(analysis).toMatchObject({ status: "DONE", entryCount: 20, observationCount: 20, harVersion: "1.2", timeZones: ["+08:00"], testDeviceLabel: "Pixel test phone", analyzerVersion: "har-1.0.0" });
    expect(analysis.kbVersion).toMatch(/^kb-[0-9a-f]{12}$/);

    const rows = await db.networkObservation.findMany({ where: { analysisId: analysis.id }, orderBy: { entryIndex: "asc" } });
    const umengRow = rows.find((o) => o.host === "alog.umeng.com")!;
    expect(umengRow).toMatchObject({ registrableDomain: "umeng.com", organisation: "Umeng", country: "CN", serverIpCountry: "CN" });
    expect(umengRow.dataCategories).toEqual(expect.arrayContaining(["IMEI", "ANDROID_ID"]));
    expect(umengRow.detections).toContainEqual(expect.objectContaining({ path: "$.header.imei", ruleId: "known.imei.plain", part: "body" }));

    // A paralegal sees matched values masked; an attorney sees them in full.
    const masked = await getCaptureFindings(paralegal, matter.id, exhibit.id);
    const full = await getCaptureFindings(attorney, matter.id, exhibit.id);
    const imeiOf = (f: typeof masked) => f!.observations.find((o) => o.host === "alog.umeng.com")!.detections.find((d) => d.ruleId === "known.imei.plain")!.matched;
    expect(imeiOf(masked)).toBe("861•••••••••127");
    expect(imeiOf(full)).toBe("861234567890127");

    const list = await listSuggestions(paralegal, matter.id, { exhibitId: exhibit.id });
    const forUmeng = list.open.filter((s) => s.allegationId === umeng.id);
    const forBugly = list.open.filter((s) => s.allegationId === bugly.id);
    expect(forUmeng.length).toBeGreaterThan(0);
    expect(forBugly.length).toBeGreaterThan(0);
    expect(forUmeng[0]!.pinCite).toMatch(/^PX-\d{4}, entry \d+, request body \$\.header\.(imei|android_id|mac)$/);
    // Getui, Baidu and ByteDance hosts are in China and match no allegation: possible new allegations.
    expect(list.possibleAllegations.map((p) => p.registrableDomain)).toEqual(expect.arrayContaining(["igexin.com", "baidu.com"]));
    expect(list.possibleAllegations.map((p) => p.registrableDomain)).not.toContain("umeng.com");
  });

  it("accepting one makes a SUPPORTS link (the allegation turns SUPPORTED); a dismissal survives re-analysis", async () => {
    const { matter, paralegal, umeng, bugly } = await setup();
    const { exhibit } = await upload(paralegal, matter.id, Buffer.from(generateCaptureText({ entries: 20 })));
    expect((await getAllegation(paralegal, matter.id, umeng.id)).support.status).toBe("UNSUPPORTED");
    const first = await listSuggestions(paralegal, matter.id);
    const toAccept = first.open.find((s) => s.allegationId === umeng.id)!;
    const { link } = await acceptSuggestion(paralegal, matter.id, { observationId: toAccept.observationId, allegationId: umeng.id });
    expect(link).toMatchObject({ relation: "SUPPORTS", exhibitId: exhibit.id, pinCite: toAccept.pinCite });
    expect((await getAllegation(paralegal, matter.id, umeng.id)).support.status).toBe("SUPPORTED");
    // A second submit of the same acceptance makes no second link.
    await acceptSuggestion(paralegal, matter.id, { observationId: toAccept.observationId, allegationId: umeng.id });
    expect(await db.evidenceLink.count({ where: { allegationId: umeng.id } })).toBe(1);

    const toDismiss = first.open.find((s) => s.allegationId === bugly.id)!;
    expect((await refusal(dismissSuggestion(paralegal, matter.id, { observationId: toDismiss.observationId, allegationId: bugly.id }))).fieldErrors.reason).toBeDefined();
    await dismissSuggestion(paralegal, matter.id, { observationId: toDismiss.observationId, allegationId: bugly.id, reason: "Crash report from the tester's own debug build." });
    const actions = (await db.auditEvent.findMany({ where: { matterId: matter.id, action: { startsWith: "suggestion." } } })).map((e) => e.action).sort();
    expect(actions).toEqual(["suggestion.accept", "suggestion.dismiss"]);

    const { analysisId } = await reanalyzeCapture(paralegal, matter.id, exhibit.id);
    expect((await refusal(reanalyzeCapture(paralegal, matter.id, exhibit.id))).code).toBe("CONFLICT");
    await unsafeAnalyzeCapture(analysisId);
    expect(await db.captureAnalysis.count({ where: { exhibitId: exhibit.id, status: "DONE" } })).toBe(2);
    const again = await listSuggestions(paralegal, matter.id);
    const sameEntry = (s: { allegationId: string; entryIndex: number }, t: typeof toDismiss) => s.allegationId === t.allegationId && s.entryIndex === t.entryIndex;
    expect(again.open.some((s) => sameEntry(s, toDismiss))).toBe(false);
    expect(again.open.some((s) => sameEntry(s, toAccept))).toBe(false);
    expect(again.decided.find((s) => sameEntry(s, toDismiss))?.decided).toEqual({ decision: "DISMISSED", reason: "Crash report from the tester's own debug build." });
    expect(again.open.find((s) => s.allegationId === bugly.id)?.analysisId).toBe(analysisId);
  });

  it("a .zhar is analysed like the HAR it holds", async () => {
    const { matter, paralegal } = await setup();
    const { exhibit, analysis } = await upload(paralegal, matter.id, deflateSync(Buffer.from(generateCaptureText({ entries: 8 }))), "capture.zhar");
    expect(exhibit).toMatchObject({ kind: "NETWORK_CAPTURE", detectedType: "application/x-har+zlib" });
    expect(analysis).toMatchObject({ status: "DONE", compressed: true, entryCount: 8 });
  });

  it("refuses a .zhar that is not compressed, naming the problem", async () => {
    const { matter, paralegal } = await setup();
    const error = await refusal(ingestExhibit(paralegal, matter.id, { body: [Buffer.from(generateCaptureText({ entries: 2 }))], fileName: "plain.zhar" }));
    expect(error.fieldErrors.file?.[0]).toMatch(/not zlib- or gzip-compressed/);
  });

  it("a truncated capture ends FAILED with the reason and leaves no observations", async () => {
    const { matter, paralegal } = await setup();
    const text = generateCaptureText({ entries: 1200 });
    const { analysis } = await upload(paralegal, matter.id, Buffer.from(text.slice(0, Math.floor(text.length * 0.9))));
    expect(analysis.status).toBe("FAILED");
    expect(analysis.error).toMatch(/truncated.*after \d+ complete entries/);
    expect(await db.networkObservation.count({ where: { analysisId: analysis.id } })).toBe(0);
  });

  it("stores requests whose text PostgreSQL cannot hold (NUL) with a replacement character, and any other text as it is", async () => {
    const { matter, paralegal } = await setup();
    const har = JSON.parse(generateCaptureText({ entries: 2 }));
    har.log.entries[0].request.url = "https://alog.umeng.com/a?x=1\u0000y";
    har.log.entries[0].request.headers.push({ name: "X-Odd", value: "a\u0000b 861234567890127" });
    // Characters the bulk write must escape (tab, newline, carriage return, backslash) and non-ASCII text.
    const odd = "https://alog.umeng.com/p\\q?t=a\tb&n=c\nd&r=e\rf&s=\\N&u=友盟";
    har.log.entries[1].request.url = odd;
    har.log.entries[1].request.headers.push({ name: "X\\Tab\tName", value: "861234567890127" });
    const { analysis } = await upload(paralegal, matter.id, Buffer.from(JSON.stringify(har)));
    expect(analysis.status).toBe("DONE");
    const row = await db.networkObservation.findFirstOrThrow({ where: { analysisId: analysis.id, entryIndex: 0 } });
    expect(row.url).toBe("https://alog.umeng.com/a?x=1\uFFFDy");
    const second = await db.networkObservation.findFirstOrThrow({ where: { analysisId: analysis.id, entryIndex: 1 } });
    expect(second.url).toBe(odd);
    expect(second.detections).toContainEqual(expect.objectContaining({ part: "header", path: "X\\Tab\tName", ruleId: "known.imei.plain" }));
  });

  it("a duplicate job leaves a run in progress alone; a run whose process died long ago is redone", async () => {
    const { matter, paralegal } = await setup();
    const { exhibit } = await ingestExhibit(paralegal, matter.id, { body: [Buffer.from(generateCaptureText({ entries: 4 }))], fileName: "dup.har" });
    const analysis = await db.captureAnalysis.findFirstOrThrow({ where: { exhibitId: exhibit.id } });
    await db.captureAnalysis.update({ where: { id: analysis.id }, data: { status: "RUNNING", startedAt: new Date() } });
    await unsafeAnalyzeCapture(analysis.id);
    expect(await db.captureAnalysis.findUniqueOrThrow({ where: { id: analysis.id } })).toMatchObject({ status: "RUNNING", entryCount: null });
    await db.captureAnalysis.update({ where: { id: analysis.id }, data: { startedAt: new Date(Date.now() - 60 * 60 * 1000) } });
    await unsafeAnalyzeCapture(analysis.id);
    expect(await db.captureAnalysis.findUniqueOrThrow({ where: { id: analysis.id } })).toMatchObject({ status: "DONE", entryCount: 4 });
  });

  it("a matter's KB override wins in its next analysis (a new KB version); the old analysis keeps what it recorded", async () => {
    const { matter, paralegal } = await setup();
    const { exhibit, analysis: first } = await upload(paralegal, matter.id, Buffer.from(generateCaptureText({ entries: 10 })));
    expect((await refusal(setTrackerOverride(paralegal, matter.id, { domain: "not a domain", organisation: "X", category: "ADS", source: "s" }))).fieldErrors).toMatchObject({
      domain: expect.any(Array),
      source: expect.any(Array),
    });
    await setTrackerOverride(paralegal, matter.id, { domain: "TikTokV.com", organisation: "TikTok Pte. Ltd.", parent: "ByteDance Ltd.", country: "sg", category: "APP_BACKEND", source: "Matter research memo 12 (test)" });
    const { analysisId } = await reanalyzeCapture(paralegal, matter.id, exhibit.id);
    await unsafeAnalyzeCapture(analysisId);
    const second = await db.captureAnalysis.findUniqueOrThrow({ where: { id: analysisId } });
    expect(second.kbVersion).not.toBe(first.kbVersion);
    const orgOf = async (id: string) => (await db.networkObservation.findFirstOrThrow({ where: { analysisId: id, host: "api-va.tiktokv.com" } })).organisation;
    expect(await orgOf(analysisId)).toBe("TikTok Pte. Ltd.");
    expect(await orgOf(first.id)).toBe("TikTok");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { matterId: matter.id, action: "tracker-domain.override" } });
    expect(audit.details).toMatchObject({ domain: "tiktokv.com", before: null, after: { country: "SG", organisation: "TikTok Pte. Ltd." } });
  });

  it("observations and suggestions stay inside their matter", async () => {
    const { matter, paralegal } = await setup();
    const other = await setup();
    const { exhibit } = await upload(paralegal, matter.id, Buffer.from(generateCaptureText({ entries: 10 })));
    expect((await refusal(getCaptureFindings(other.paralegal, matter.id, exhibit.id))).code).toBe("NOT_FOUND");
    expect((await refusal(getCaptureFindings(other.paralegal, other.matter.id, exhibit.id))).code).toBe("NOT_FOUND");
    const mine = await listSuggestions(paralegal, matter.id);
    const s = mine.open[0]!;
    expect((await refusal(acceptSuggestion(other.paralegal, other.matter.id, { observationId: s.observationId, allegationId: s.allegationId }))).code).toBe("NOT_FOUND");
    expect((await refusal(acceptSuggestion(other.paralegal, other.matter.id, { observationId: s.observationId, allegationId: other.umeng.id }))).code).toBe("NOT_FOUND");
  });
});
