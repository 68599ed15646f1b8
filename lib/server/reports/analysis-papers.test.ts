import { definePDFJSModule, extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { buildApk } from "@/lib/analyzer/apk/testing/apk-writer";
import { demoApkSpec } from "@/lib/analyzer/apk/testing/demo-apk";
import { DEMO_TEST_DEVICE, generateCaptureText } from "@/lib/analyzer/har/generate-capture";
import { BLANK } from "@/lib/reports/papers";
import { unsafeAnalyzeApkExhibit } from "@/lib/server/apk/analyze-apk-exhibit";
import { db } from "@/lib/server/db";
import { extractDocxText } from "@/lib/server/exhibits/extract-docx-text";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { unsafeAnalyzeCapture } from "@/lib/server/network/analyze-capture";
import { exportAnalysisCertification } from "@/lib/server/reports/analysis-certification";
import { exportMethodologyAppendix } from "@/lib/server/reports/methodology-appendix";
import { makeMatter, makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { refusal } from "@/lib/server/testing/refusal";

async function pdfText(bytes: Uint8Array): Promise<string> {
  await definePDFJSModule(() => import("unpdf/pdfjs"));
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(pdf, { mergePages: true })).text;
}

async function captureSetup() {
  const team = await makeMatterWithTeam();
  await db.testDevice.create({ data: { matterId: team.matter.id, label: "Pixel test phone", ...DEMO_TEST_DEVICE } });
  const { exhibit } = await ingestExhibit(team.paralegal, team.matter.id, { body: [Buffer.from(generateCaptureText({ entries: 20 }))], fileName: "capture.har" });
  const queued = await db.captureAnalysis.findFirstOrThrow({ where: { exhibitId: exhibit.id } });
  await unsafeAnalyzeCapture(queued.id);
  return { ...team, exhibit, analysis: await db.captureAnalysis.findUniqueOrThrow({ where: { id: queued.id } }) };
}

describe("FRE 902(13) draft of an analysis", () => {
  it("states the process, versions, input SHA-256, run times and counts, and leaves the certifier blank", async () => {
    const { matter, attorney, exhibit, analysis } = await captureSetup();
    const file = await exportAnalysisCertification(attorney, matter.id, analysis.id, "pdf");
    expect(file.contentType).toBe("application/pdf");
    const text = (await pdfText(file.body)).replace(/\s+/g, " ");
    expect(text).toContain("902(13)");
    expect(text).toContain(exhibit.blobSha256);
    expect(text).toContain(analysis.analyzerVersion);
    expect(text).toContain(analysis.kbVersion!);
    expect(text).toMatch(/HAR entries read 20/);
    expect(text).toMatch(/Observations \(HTTP\(S\) requests\) 20/);
    expect(text).toMatch(/Destinations \(distinct hosts\) \d+/);
    expect(text).toContain(analysis.finishedAt!.toISOString().slice(0, 10));
    expect(text).toContain(`I, ${BLANK}, declare`);
    expect(text).toMatch(/NOT READY TO SIGN.*certifier's name, certifier's title, certifier's qualifications/);
    const event = await db.auditEvent.findFirstOrThrow({ where: { matterId: matter.id, action: "analysis.certify" }, orderBy: { id: "desc" } });
    expect(text).toContain(`audit event #${event.id}`);
    expect(event.details).toMatchObject({ analysisId: analysis.id, analysisKind: "capture", format: "pdf", sha256: exhibit.blobSha256 });

    const docx = await exportAnalysisCertification(attorney, matter.id, analysis.id, "docx");
    const docxText = await extractDocxText(docx.body);
    expect(docxText).toContain(exhibit.blobSha256);
    expect(docxText).toContain(BLANK);
  });

  it("for a package, counts DEX files and SDKs", async () => {
    const { matter, attorney, paralegal } = await makeMatterWithTeam();
    const { exhibit } = await ingestExhibit(paralegal, matter.id, { body: [await buildApk(demoApkSpec())], fileName: "app.apk" });
    const analysis = await db.apkAnalysis.findFirstOrThrow({ where: { exhibitId: exhibit.id } });
    await unsafeAnalyzeApkExhibit(analysis.id);
    const text = (await pdfText((await exportAnalysisCertification(attorney, matter.id, analysis.id)).body)).replace(/\s+/g, " ");
    expect(text).toContain(exhibit.blobSha256);
    expect(text).toMatch(/DEX files read 2 \(classes\.dex, classes2\.dex\)/);
    expect(text).toMatch(/Known SDKs matched \(by package prefix\) 4/);
    expect(text).toContain("not proof that the code ran");

    const appendix = (await pdfText((await exportMethodologyAppendix(paralegal, matter.id, analysis.id)).body)).replace(/\s+/g, " ");
    expect(appendix).toContain("SDK signatures that matched");
    expect(appendix).toMatch(/com\.baidu\.android\.pushservice/);
    expect(appendix).toMatch(/classes2?\.dex · com\.umeng\./);
  });

  it("is for attorneys of the analysis's own matter only", async () => {
    const { matter, paralegal, outsider, analysis } = await captureSetup();
    expect((await refusal(exportAnalysisCertification(paralegal, matter.id, analysis.id))).code).toBe("FORBIDDEN");
    expect((await refusal(exportAnalysisCertification(outsider, matter.id, analysis.id))).code).toBe("NOT_FOUND");
    // Named through another matter the attorney belongs to: not found.
    const other = await makeMatter("Other v. Matter");
    const { attorney } = await makeMatterWithTeam();
    await db.membership.create({ data: { userId: attorney.userId, matterId: other.id, role: "ATTORNEY" } });
    expect((await refusal(exportAnalysisCertification(attorney, other.id, analysis.id))).code).toBe("NOT_FOUND");
    expect((await refusal(exportMethodologyAppendix(attorney, other.id, analysis.id))).code).toBe("NOT_FOUND");
    expect(await db.auditEvent.count({ where: { action: "analysis.certify", details: { path: ["analysisId"], equals: analysis.id } } })).toBe(0);
  });
});

describe("methodology appendix of a capture analysis", () => {
  it("lists the rules that fired with counts and masked examples, the KB rows, the forms tried, limits and versions", async () => {
    const { matter, paralegal, analysis } = await captureSetup();
    const file = await exportMethodologyAppendix(paralegal, matter.id, analysis.id);
    const text = (await pdfText(file.body)).replace(/\s+/g, " ");
    expect(text).toContain("Detection rules that fired");
    expect(text).toMatch(/known\.imei\.\w+/);
    expect(text).not.toContain(DEMO_TEST_DEVICE.imei);
    expect(text).toContain("umeng.com");
    expect(text).toContain("Knowledge-base rows used");
    expect(text).toMatch(/Pixel test phone/);
    expect(text).toMatch(/Base64 \(\d+\)/);
    expect(text).toContain("64 MiB per entry");
    expect(text).toContain("8 MiB characters");
    expect(text).toContain(analysis.analyzerVersion);
    const event = await db.auditEvent.findFirstOrThrow({ where: { matterId: matter.id, action: "analysis.methodology" } });
    expect(text).toContain(`audit event #${event.id}`);
  });
});
