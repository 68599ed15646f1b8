import { describe, expect, it } from "vitest";
import { buildApk } from "@/lib/analyzer/apk/testing/apk-writer";
import { demoApkSpec } from "@/lib/analyzer/apk/testing/demo-apk";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { getAllegation } from "@/lib/server/allegations/get-allegation";
import { acceptSdkSuggestion } from "@/lib/server/apk/accept-sdk-suggestion";
import { unsafeAnalyzeApkExhibit } from "@/lib/server/apk/analyze-apk-exhibit";
import { dismissSdkSuggestion } from "@/lib/server/apk/dismiss-sdk-suggestion";
import { listSdkSuggestions } from "@/lib/server/apk/list-sdk-suggestions";
import { reanalyzeApk } from "@/lib/server/apk/reanalyze-apk";
import { db } from "@/lib/server/db";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { validAllegationInput } from "@/lib/server/testing/ledger-fixtures";
import { refusal } from "@/lib/server/testing/refusal";

// The demo complaint's SDK_EMBEDDED ¶s (Hong v. ByteDance ¶¶ 7–8): Baidu and Igexin code.
async function setup() {
  const team = await makeMatterWithTeam();
  const sdkAllegation = async (paragraph: number, text: string, sdkPrefixes: string[]) => {
    // As the form sends them: one box, commas between.
    return createAllegation(team.paralegal, team.matter.id, { paragraph, text, kind: "SDK_EMBEDDED", elementIds: [], sdkPrefixes: sdkPrefixes.join(", "), submissionKey: crypto.randomUUID() });
  };
  const baidu = await sdkAllegation(7, "Source code from Baidu has been embedded in the app since at least 2017.", ["com.baidu"]);
  const igexin = await sdkAllegation(8, "Source code from Igexin has been embedded in the app since at least 2017.", ["com.igexin"]);
  const unnamed = await sdkAllegation(9, "Some other SDK is embedded.", []);
  const { exhibit } = await ingestExhibit(team.paralegal, team.matter.id, { body: [await buildApk(demoApkSpec())], fileName: "app.apk" });
  const analysis = await db.apkAnalysis.findFirstOrThrow({ where: { exhibitId: exhibit.id } });
  await unsafeAnalyzeApkExhibit(analysis.id);
  return { ...team, baidu, igexin, unnamed, exhibit, analysis };
}

describe("SDK_EMBEDDED suggestions from app packages", () => {
  it("suggests the package for the allegations naming its SDK prefixes, citing exhibit, DEX file and class", async () => {
    const { matter, paralegal, outsider, baidu, igexin, unnamed, exhibit, analysis } = await setup();
    const list = await listSdkSuggestions(paralegal, matter.id, { exhibitId: exhibit.id });
    expect(list.decided).toEqual([]);
    const forBaidu = list.open.find((s) => s.allegationId === baidu.id)!;
    expect(forBaidu).toMatchObject({ sdkPrefix: "com.baidu.android.pushservice", organisation: "Baidu", analysisId: analysis.id, exhibitSha256: exhibit.blobSha256 });
    expect(forBaidu.pinCite).toMatch(/^PX-\d{4}, classes\d*\.dex, com\.baidu\.android\.pushservice\.\w+$/);
    expect(list.open.find((s) => s.allegationId === igexin.id)?.sdkPrefix).toBe("com.igexin");
    // Umeng and Bugly are in the package, but no SDK_EMBEDDED ¶ names them; nor is a ¶ naming no prefix suggested.
    expect(list.open.some((s) => s.allegationId === unnamed.id)).toBe(false);
    expect(list.open.map((s) => s.sdkPrefix).sort()).toEqual(["com.baidu.android.pushservice", "com.igexin"]);
    await expect(listSdkSuggestions(outsider, matter.id, { exhibitId: exhibit.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("accept makes a SUPPORTS link (the allegation turns SUPPORTED); a dismissal survives Analyse again", async () => {
    const { matter, paralegal, outsider, baidu, igexin, exhibit, analysis } = await setup();
    expect((await getAllegation(paralegal, matter.id, baidu.id)).support.status).toBe("UNSUPPORTED");
    const ref = { analysisId: analysis.id, allegationId: baidu.id, sdkPrefix: "com.baidu.android.pushservice" };
    expect((await refusal(acceptSdkSuggestion(outsider, matter.id, ref))).code).toBe("NOT_FOUND");
    const { link } = await acceptSdkSuggestion(paralegal, matter.id, ref);
    expect(link).toMatchObject({ relation: "SUPPORTS", exhibitId: exhibit.id });
    expect(link.pinCite).toMatch(/^PX-\d{4}, classes\d*\.dex, com\.baidu\./);
    expect(link.note).toContain("not proof that it ran");
    expect((await getAllegation(paralegal, matter.id, baidu.id)).support.status).toBe("SUPPORTED");
    await acceptSdkSuggestion(paralegal, matter.id, ref);
    expect(await db.evidenceLink.count({ where: { allegationId: baidu.id } })).toBe(1);

    const igexinRef = { analysisId: analysis.id, allegationId: igexin.id, sdkPrefix: "com.igexin" };
    expect((await refusal(dismissSdkSuggestion(paralegal, matter.id, igexinRef))).fieldErrors.reason).toBeDefined();
    expect((await refusal(acceptSdkSuggestion(paralegal, matter.id, { ...igexinRef, sdkPrefix: "com.umeng" }))).code).toBe("NOT_FOUND");
    await dismissSdkSuggestion(paralegal, matter.id, { ...igexinRef, reason: "Igexin classes come from a test harness, not the shipped app." });
    expect((await refusal(acceptSdkSuggestion(paralegal, matter.id, igexinRef))).code).toBe("CONFLICT");
    const actions = (await db.auditEvent.findMany({ where: { matterId: matter.id, action: { startsWith: "sdk-suggestion." } } })).map((e) => e.action).sort();
    expect(actions).toEqual(["sdk-suggestion.accept", "sdk-suggestion.dismiss"]);

    // Analyse again: a new analysis, the old one stays, decisions carry over.
    expect((await refusal(reanalyzeApk(outsider, matter.id, exhibit.id))).code).toBe("NOT_FOUND");
    const { analysisId } = await reanalyzeApk(paralegal, matter.id, exhibit.id);
    expect((await refusal(reanalyzeApk(paralegal, matter.id, exhibit.id))).code).toBe("CONFLICT");
    await unsafeAnalyzeApkExhibit(analysisId);
    expect(await db.apkAnalysis.count({ where: { exhibitId: exhibit.id, status: "DONE" } })).toBe(2);
    const again = await listSdkSuggestions(paralegal, matter.id, { exhibitId: exhibit.id });
    expect(again.open).toEqual([]);
    expect(again.decided.map((s) => [s.analysisId, s.allegationId, s.decided?.decision]).sort()).toEqual(
      [
        [analysisId, baidu.id, "ACCEPTED"],
        [analysisId, igexin.id, "DISMISSED"],
      ].sort(),
    );
    expect(await db.auditEvent.count({ where: { matterId: matter.id, action: "apk.reanalyze", entityId: exhibit.id } })).toBe(1);
  });

  it("only SDK-embedded allegations name SDK prefixes, and they must be package prefixes", async () => {
    const { matter, paralegal, baidu } = await setup();
    expect(baidu.sdkPrefixes).toEqual(["com.baidu"]);
    const stray = await refusal(createAllegation(paralegal, matter.id, validAllegationInput({ paragraph: 50, sdkPrefixes: "com.baidu" })));
    expect(stray.fieldErrors.sdkPrefixes).toBeDefined();
    const bad = await refusal(createAllegation(paralegal, matter.id, { paragraph: 51, text: "x", kind: "SDK_EMBEDDED", elementIds: [], sdkPrefixes: "com..baidu; drop", submissionKey: crypto.randomUUID() }));
    expect(bad.fieldErrors.sdkPrefixes).toBeDefined();
  });

  it("Analyse again refuses an exhibit that is not a package", async () => {
    const { matter, paralegal } = await setup();
    const { exhibit } = await ingestExhibit(paralegal, matter.id, { body: [Buffer.from("just text")], fileName: "note.txt" });
    expect((await refusal(reanalyzeApk(paralegal, matter.id, exhibit.id))).code).toBe("VALIDATION");
  });
});
