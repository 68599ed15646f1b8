import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { literalHost, literalPackagePrefix, parseExodusExport } from "@/lib/analyzer/kb/exodus";
import { db } from "@/lib/server/db";
import { deleteSdkSignature } from "@/lib/server/knowledge-base/delete-sdk-signature";
import { deleteTrackerDomain } from "@/lib/server/knowledge-base/delete-tracker-domain";
import { getKbImportReport } from "@/lib/server/knowledge-base/get-kb-import-report";
import { importExodus } from "@/lib/server/knowledge-base/import-exodus";
import { importKbCsv } from "@/lib/server/knowledge-base/import-kb-csv";
import { listKnowledgeBase } from "@/lib/server/knowledge-base/list-knowledge-base";
import { saveSdkSignature } from "@/lib/server/knowledge-base/save-sdk-signature";
import { saveTrackerDomain } from "@/lib/server/knowledge-base/save-tracker-domain";
import { clearTrackerOverride } from "@/lib/server/network/clear-tracker-override";
import { listTrackerOverrides } from "@/lib/server/network/list-tracker-overrides";
import { unsafeLoadKnowledgeBase } from "@/lib/server/analyzer-kb/load-knowledge-base";
import { setTrackerOverride } from "@/lib/server/network/set-tracker-override";
import { makeMatterWithTeam, makeUser } from "@/lib/server/testing/fixtures";
import { refusal } from "@/lib/server/testing/refusal";

// Test files share one database and the global KB: every domain here is unique to its test.
const unique = () => `kbt${randomBytes(4).toString("hex")}.com`;
const EXODUS_FIXTURE = path.join(process.cwd(), "lib/analyzer/kb/fixtures/exodus-trackers.json");

const csvUpload = (text: string, name = "kb.csv") => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, stream: new Blob([bytes]).stream() };
};
const fact = (domain: string, extra: Record<string, unknown> = {}) => ({ domain, organisation: "Test Analytics Ltd", category: "ANALYTICS", source: "https://example.org/about (test)", ...extra });

describe("admin tracker knowledge base", () => {
  it("adds, edits and deletes a global row, each audited; a repeat submit changes nothing; the KB version follows", async () => {
    const admin = await makeUser("ADMIN");
    const domain = unique();
    const v0 = (await unsafeLoadKnowledgeBase(null)).version;

    const added = await saveTrackerDomain(admin, fact(`https://WWW.${domain.toUpperCase()}/path`, { country: "cn", parent: "Parent Co", checkedOn: "2026-11-30" }));
    expect(added).toMatchObject({ changed: true, row: { domain: `www.${domain}`, layer: "OURS", scope: "global", country: "CN", createdById: admin.userId } });
    const v1 = (await unsafeLoadKnowledgeBase(null)).version;
    expect(v1).not.toBe(v0);
    expect((await unsafeLoadKnowledgeBase(null)).lookup(`a.www.${domain}`)).toMatchObject({ organisation: "Test Analytics Ltd", layer: "OURS" });

    expect((await saveTrackerDomain(admin, fact(`www.${domain}`, { country: "CN", parent: "Parent Co", checkedOn: "2026-11-30" }))).changed).toBe(false);
    await saveTrackerDomain(admin, fact(`www.${domain}`, { organisation: "Renamed Ltd", country: "US" }));
    expect((await unsafeLoadKnowledgeBase(null)).version).not.toBe(v1);

    const events = await db.auditEvent.findMany({ where: { entityId: added.row.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["tracker-domain.save", "tracker-domain.save"]);
    expect(events[1]!.details).toMatchObject({ domain: `www.${domain}`, layer: "OURS", before: { organisation: "Test Analytics Ltd" }, after: { organisation: "Renamed Ltd", country: "US", checkedOn: null } });
    expect(events[0]!.actorId).toBe(admin.userId);

    const list = await listKnowledgeBase(admin, { q: domain });
    expect(list.rows).toEqual([expect.objectContaining({ domain: `www.${domain}`, addedBy: admin.name, inForce: true, layer: "OURS" })]);

    await deleteTrackerDomain(admin, { id: added.row.id });
    expect(await db.trackerDomain.findUnique({ where: { id: added.row.id } })).toBeNull();
    expect((await db.auditEvent.findFirstOrThrow({ where: { entityId: added.row.id, action: "tracker-domain.delete" } })).details).toMatchObject({ domain: `www.${domain}`, before: { organisation: "Renamed Ltd" } });
    expect((await refusal(deleteTrackerDomain(admin, { id: added.row.id }))).code).toBe("NOT_FOUND");
  });

  it("validates each field: registrable domain, ISO country, category, source, a real date", async () => {
    const admin = await makeUser("ADMIN");
    const error = await refusal(saveTrackerDomain(admin, { domain: "co.uk", organisation: "X Ltd", country: "XX", category: "SPYING", source: "", checkedOn: "2026-02-30" }));
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["category", "checkedOn", "country", "domain", "source"]);
    expect((await refusal(saveTrackerDomain(admin, { ...fact(unique()), extra: "x" }))).code).toBe("VALIDATION");
    expect((await refusal(saveTrackerDomain(admin, fact("10.0.0.1")))).fieldErrors.domain).toBeDefined();
  });

  it("refuses staff and class members as if the page did not exist", async () => {
    const { attorney, member } = await makeMatterWithTeam();
    for (const actor of [attorney, member]) {
      expect((await refusal(saveTrackerDomain(actor, fact(unique())))).code).toBe("NOT_FOUND");
      expect((await refusal(listKnowledgeBase(actor, {}))).code).toBe("NOT_FOUND");
      expect((await refusal(importKbCsv(actor, csvUpload("domain,organisation,category,source\n")))).code).toBe("NOT_FOUND");
      expect((await refusal(saveSdkSignature(actor, { prefix: "org.example.sdk", organisation: "X", sdk: "X SDK", source: "test source" }))).code).toBe("NOT_FOUND");
    }
  });

  it("SDK signatures: admin adds one of ours (it joins the KB version) and deletes it, audited", async () => {
    const admin = await makeUser("ADMIN");
    const prefix = `org.kbtest${randomBytes(3).toString("hex")}`;
    const before = await unsafeLoadKnowledgeBase(null);
    const { row } = await saveSdkSignature(admin, { prefix: `${prefix}.`, organisation: "Test SDK Co", sdk: "Test analytics SDK", category: "ANALYTICS", source: "https://example.org/sdk (test)" });
    expect(row).toMatchObject({ prefix, layer: "OURS" });
    const after = await unsafeLoadKnowledgeBase(null);
    expect(after.version).not.toBe(before.version);
    expect(after.signatures).toContainEqual(expect.objectContaining({ prefix, organisation: "Test SDK Co", category: "ANALYTICS" }));
    expect((await refusal(saveSdkSignature(admin, { prefix: "com", organisation: "X", sdk: "X SDK", source: "test source" }))).fieldErrors.prefix).toBeDefined();
    await deleteSdkSignature(admin, { id: row.id });
    expect((await db.auditEvent.findMany({ where: { entityId: row.id } })).map((e) => e.action).sort()).toEqual(["sdk-signature.delete", "sdk-signature.save"]);
  });
});

describe("CSV import", () => {
  it("imports good rows, reports bad ones row by row, and adds nothing twice on re-import", async () => {
    const admin = await makeUser("ADMIN");
    const [a, b, c] = [unique(), unique(), unique()];
    const csv = [
      "Domain,Organization,Parent,Country,Category,Source,Checked On",
      `${a},Alpha Ads,Alpha Group,US,advertising / attribution,https://alpha.example/about,2026-11-01`,
      `${b},Beta Crash,,cn,crash reporting,Beta SDK guide p. 4,`,
      `not a domain,Gamma,,US,ANALYTICS,src x,`,
      `${c},Delta,,ZZ,SPYING,,2026-13-01`,
      `${a},Alpha again,,US,ADS,dup source,`,
    ].join("\n");
    const run = await importKbCsv(admin, csvUpload(csv));
    expect(run).toMatchObject({ layer: "IMPORTED_CSV", rows: 5, added: 2, updated: 0, unchanged: 0, refused: 3 });
    expect(await db.trackerDomain.findFirst({ where: { layer: "IMPORTED_CSV", scope: "global", domain: b } })).toMatchObject({ organisation: "Beta Crash", country: "CN", category: "CRASH_REPORTING", parent: null, checkedOn: null });

    const report = await getKbImportReport(admin, run.id);
    const lines = report.csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("line,domain_or_signature,reason");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["4", "5", "6"]);
    expect(report.csv).toMatch(/country: Use an ISO 3166/);
    expect(report.csv).toMatch(/already on line 2/);

    const again = await importKbCsv(admin, csvUpload(csv));
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2, refused: 3 });
    expect(await db.trackerDomain.count({ where: { domain: { in: [a, b] } } })).toBe(2);
    const audits = await db.auditEvent.findMany({ where: { entityId: { in: [run.id, again.id] }, action: "kb.import" } });
    expect(audits).toHaveLength(2);
    expect(audits[0]!.details).toMatchObject({ layer: "IMPORTED_CSV", rows: 5, refused: 3 });

    const changed = await importKbCsv(admin, csvUpload(`domain,organisation,category,source\n${b},Beta Renamed,CRASH_REPORTING,Beta SDK guide p. 4\n`));
    expect(changed).toMatchObject({ added: 0, updated: 1 });
  });

  it("refuses a file without the required columns or over the size cap, writing nothing", async () => {
    const admin = await makeUser("ADMIN");
    expect((await refusal(importKbCsv(admin, csvUpload("host,owner\nx.com,X\n")))).fieldErrors.file?.[0]).toMatch(/no domain, organisation, category, source column/);
    expect((await refusal(importKbCsv(admin, { ...csvUpload("x"), size: 6 * 1024 * 1024 }))).fieldErrors.file?.[0]).toMatch(/larger than 5 MB/);
    const big = `domain,organisation,category,source\n${"a".repeat(5 * 1024 * 1024)}\n`;
    expect((await refusal(importKbCsv(admin, { ...csvUpload(big), size: 10 }))).fieldErrors.file?.[0]).toMatch(/larger than 5 MB/);
  });
});

describe("Exodus Privacy import", () => {
  it("reads literal signatures and hosts, skipping patterns", () => {
    expect(literalPackagePrefix("com\\.umeng\\.commonsdk")).toBe("com.umeng.commonsdk");
    expect(literalPackagePrefix("com.appsflyer.")).toBe("com.appsflyer");
    expect(literalPackagePrefix("com")).toBeNull();
    expect(literalHost("^.*\\.appsflyer\\.com$")).toBe("appsflyer.com");
    expect(literalHost(".*appsflyersdk.*")).toBeNull();
    expect(literalHost("[0-9]+\\.cdn-fixture\\.com")).toBeNull();
    const parsed = parseExodusExport(JSON.parse(readFileSync(EXODUS_FIXTURE, "utf8")));
    expect(parsed.trackers).toBe(4);
    expect(parsed.domains.map((d) => d.domain).sort()).toEqual(["ads.exodus-fixture.example.com", "alog.umeng.co", "app-measurement.com", "appsflyer.com", "firebase.io", "umeng.com"]);
    expect(parsed.problems.map((p) => p.key)).toEqual(["AppsFlyer: network .*appsflyersdk.*", "Proofline Fixture Ads: network [0-9]+\\.cdn-fixture\\.com"]);
    expect(parseExodusExport({ nope: 1 }).problems[0]?.message).toMatch(/no "trackers"/);
  });

  it("imports the fixture as the EXODUS layer, attributed; ours win on conflict; re-import adds nothing", async () => {
    const admin = await makeUser("ADMIN");
    const bytes = new Uint8Array(readFileSync(EXODUS_FIXTURE));
    // The layer is global and other test files read the KB: it is removed again when this test ends.
    onTestFinished(async () => {
      await db.trackerDomain.deleteMany({ where: { layer: "EXODUS" } });
      await db.sdkSignature.deleteMany({ where: { layer: "EXODUS" } });
    });
    await importExodus(admin, { name: "exodus-trackers.json", bytes });
    const rows = await db.trackerDomain.findMany({ where: { layer: "EXODUS", scope: "global" } });
    expect(rows.map((r) => r.domain)).toEqual(expect.arrayContaining(["umeng.com", "ads.exodus-fixture.example.com"]));
    expect(rows.find((r) => r.domain === "ads.exodus-fixture.example.com")).toMatchObject({ organisation: "Proofline Fixture Ads", category: "ADS", source: expect.stringMatching(/^Exodus Privacy tracker #900 .*ODbL 1\.0$/) });
    expect(await db.sdkSignature.findFirst({ where: { layer: "EXODUS", prefix: "org.prooflinefixture.ads" } })).toMatchObject({ organisation: "Proofline Fixture Ads", category: "ADS" });

    const kb = await unsafeLoadKnowledgeBase(null);
    // Ours (shipped) outrank Exodus on umeng.com and com.appsflyer; Exodus alone speaks for its own.
    expect(kb.lookup("x.umeng.com")).toMatchObject({ organisation: "Umeng", layer: "OURS" });
    expect(kb.signatures.find((s) => s.prefix === "com.appsflyer")).toMatchObject({ organisation: "AppsFlyer" });
    expect(kb.signatures.find((s) => s.prefix === "com.appsflyer")?.layer ?? "OURS").toBe("OURS");
    expect(kb.lookup("ads.exodus-fixture.example.com")).toMatchObject({ layer: "EXODUS", organisation: "Proofline Fixture Ads" });

    const again = await importExodus(admin, { name: "exodus-trackers.json", bytes });
    expect(again).toMatchObject({ added: 0, updated: 0, layer: "EXODUS", refused: 2 });
    expect(await db.trackerDomain.count({ where: { layer: "EXODUS", domain: "umeng.com" } })).toBe(1);
    expect((await refusal(importExodus(admin, { name: "x.json", bytes: new TextEncoder().encode("{not json") }))).fieldErrors.file?.[0]).toMatch(/not valid JSON/);
  });
});

describe("precedence and matter overrides", () => {
  it("ours > imported CSV > Exodus globally, and a matter's override over all, for that matter only", async () => {
    const admin = await makeUser("ADMIN");
    const { matter, paralegal, outsider } = await makeMatterWithTeam();
    const other = await makeMatterWithTeam();
    const domain = unique();
    await db.trackerDomain.create({ data: { layer: "EXODUS", scope: "global", domain, organisation: "From Exodus", category: "ADS", source: "Exodus Privacy tracker #1 (test), ODbL 1.0" } });
    expect((await unsafeLoadKnowledgeBase(null)).lookup(domain)).toMatchObject({ organisation: "From Exodus" });
    await importKbCsv(admin, csvUpload(`domain,organisation,category,source\n${domain},From CSV,ADS,csv source\n`));
    expect((await unsafeLoadKnowledgeBase(null)).lookup(domain)).toMatchObject({ organisation: "From CSV", layer: "IMPORTED_CSV" });
    await saveTrackerDomain(admin, fact(domain, { organisation: "Ours Ltd" }));
    expect((await unsafeLoadKnowledgeBase(null)).lookup(domain)).toMatchObject({ organisation: "Ours Ltd", layer: "OURS" });
    const listed = await listKnowledgeBase(admin, { q: domain });
    expect(listed.rows.map((r) => [r.layer, r.inForce])).toEqual([
      ["OURS", true],
      ["IMPORTED_CSV", false],
      ["EXODUS", false],
    ]);

    const before = (await unsafeLoadKnowledgeBase(matter.id)).version;
    await setTrackerOverride(paralegal, matter.id, fact(domain, { organisation: "Matter Says Ltd", category: "APP_BACKEND" }));
    const matterKb = await unsafeLoadKnowledgeBase(matter.id);
    expect(matterKb.version).not.toBe(before);
    expect(matterKb.lookup(`api.${domain}`)).toMatchObject({ organisation: "Matter Says Ltd" });
    expect((await unsafeLoadKnowledgeBase(other.matter.id)).lookup(domain)).toMatchObject({ organisation: "Ours Ltd" });

    const listedOverrides = await listTrackerOverrides(paralegal, matter.id);
    expect(listedOverrides.overrides).toEqual([expect.objectContaining({ domain, organisation: "Matter Says Ltd", replaces: { domain, organisation: "Ours Ltd", layer: "OURS" } })]);
    expect(listedOverrides.version).toBe(matterKb.version);

    // Another matter's staff cannot clear or see it; the matter's own staff can clear it, audited.
    expect((await refusal(clearTrackerOverride(outsider, matter.id, { domain }))).code).toBe("NOT_FOUND");
    expect((await refusal(clearTrackerOverride(other.paralegal, other.matter.id, { domain }))).code).toBe("NOT_FOUND");
    expect((await refusal(listTrackerOverrides(other.paralegal, matter.id))).code).toBe("NOT_FOUND");
    await clearTrackerOverride(paralegal, matter.id, { domain });
    expect((await unsafeLoadKnowledgeBase(matter.id)).lookup(domain)).toMatchObject({ organisation: "Ours Ltd" });
    expect((await db.auditEvent.findFirstOrThrow({ where: { matterId: matter.id, action: "tracker-domain.clear-override" } })).details).toMatchObject({ domain, before: { organisation: "Matter Says Ltd" } });
  });
});
