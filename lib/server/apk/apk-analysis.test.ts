import { describe, expect, it } from "vitest";
import { buildApk } from "@/lib/analyzer/apk/testing/apk-writer";
import { DEMO_PACKAGE, demoApkSpec } from "@/lib/analyzer/apk/testing/demo-apk";
import { APK_ANALYZER_VERSION } from "@/lib/analyzer/capture-types";
import { unsafeAnalyzeApkExhibit } from "@/lib/server/apk/analyze-apk-exhibit";
import { getApkFindings } from "@/lib/server/apk/get-apk-findings";
import { db } from "@/lib/server/db";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

async function upload(actor: Parameters<typeof ingestExhibit>[0], matterId: string, body: Buffer, fileName = "app.apk") {
  const { exhibit } = await ingestExhibit(actor, matterId, { body: [body], fileName });
  const analysis = await db.apkAnalysis.findFirstOrThrow({ where: { exhibitId: exhibit.id }, orderBy: { createdAt: "desc" } });
  expect(analysis.status).toBe("QUEUED");
  await unsafeAnalyzeApkExhibit(analysis.id);
  return { exhibit, analysis: await db.apkAnalysis.findUniqueOrThrow({ where: { id: analysis.id } }) };
}

describe("APK analysis of an ingested app package", () => {
  it("ingesting the demo APK queues an analysis whose run stores the package's findings with analyzer and KB versions", async () => {
    const { matter, paralegal, outsider } = await makeMatterWithTeam();
    const spec = demoApkSpec();
    const { exhibit, analysis } = await upload(paralegal, matter.id, await buildApk(spec));
    expect(exhibit.detectedType).toBe("application/vnd.android.package-archive");
    expect(analysis).toMatchObject({ status: "DONE", error: null, analyzerVersion: APK_ANALYZER_VERSION, inputSha256: exhibit.blobSha256 });
    expect(analysis.kbVersion).toMatch(/^kb-[0-9a-f]{12}$/);

    const view = await getApkFindings(paralegal, matter.id, exhibit.id);
    const findings = view!.shown!.findings!;
    expect(findings.sha256).toBe(exhibit.blobSha256);
    expect(findings.package).toBe(DEMO_PACKAGE);
    expect(findings.permissions.length).toBeGreaterThan(0);
    expect(findings.signingCertificateSha256).toBe("unsigned");
    expect(findings.sdks.map((s) => s.organisation)).toEqual(expect.arrayContaining(["Umeng (Alibaba Group)", "Tencent"]));
    expect(findings.sdks.every((s) => s.classes.length > 0)).toBe(true);
    expect(findings.hosts.length).toBeGreaterThan(0);
    // Hosts in the code are named by the KB of the run and shown under their SDK.
    expect(findings.hosts).toContainEqual(expect.objectContaining({ host: "android.bugly.qq.com", organisation: "Tencent Bugly" }));
    expect(findings.sdks.find((s) => s.organisation === "Tencent")!.hosts).toContain("android.bugly.qq.com");

    // A second run of the same job does nothing to a finished analysis.
    await unsafeAnalyzeApkExhibit(analysis.id);
    expect((await db.apkAnalysis.findUniqueOrThrow({ where: { id: analysis.id } })).finishedAt).toEqual(analysis.finishedAt);
    // Someone outside the matter learns nothing.
    await expect(getApkFindings(outsider, matter.id, exhibit.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a truncated APK ends FAILED with the reader's reason and no findings", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const { exhibit, analysis } = await upload(paralegal, matter.id, (await buildApk(demoApkSpec())).subarray(0, 200), "broken.apk");
    expect(analysis.status).toBe("FAILED");
    expect(analysis.error).toMatch(/\S/);
    expect(analysis.error).not.toContain("\n");
    expect(analysis.findings).toBeNull();
    expect((await getApkFindings(paralegal, matter.id, exhibit.id))!.shown).toBeNull();
  });

  it("a run past its time budget ends FAILED and keeps nothing", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const { exhibit } = await ingestExhibit(paralegal, matter.id, { body: [await buildApk(demoApkSpec())], fileName: "slow.apk" });
    const analysis = await db.apkAnalysis.findFirstOrThrow({ where: { exhibitId: exhibit.id } });
    await unsafeAnalyzeApkExhibit(analysis.id, { timeLimitSeconds: 0 });
    expect(await db.apkAnalysis.findUniqueOrThrow({ where: { id: analysis.id } })).toMatchObject({ status: "FAILED", findings: null, error: expect.stringMatching(/time budget/) });
  });

  it("a HAR or PDF exhibit has no APK analysis", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const { exhibit } = await ingestExhibit(paralegal, matter.id, { body: [Buffer.from("plain text\n")], fileName: "note.txt" });
    expect(await getApkFindings(paralegal, matter.id, exhibit.id)).toBeNull();
    expect(await db.apkAnalysis.count({ where: { exhibitId: exhibit.id } })).toBe(0);
  });
});
