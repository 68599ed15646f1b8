import { createHash } from "node:crypto";
import fc from "fast-check";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ZipError } from "@/lib/analyzer/zip/bounded-zip";
import { analyzeApk, ApkAnalysisError, DexFormatError, ManifestFormatError, NotAnApkError, type SdkSignature } from "./analyze-apk";
import { buildApk, zipBytes } from "./testing/apk-writer";
import { writeDex } from "./testing/dex-writer";
import { testRegistrableDomain } from "./testing/registrable-domain";
import { demoApkSpec } from "./testing/demo-apk";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "analyze-apk-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const save = (bytes: Buffer) => {
  const p = path.join(dir, `${n++}.apk`);
  fs.writeFileSync(p, bytes);
  return p;
};

const signatures: SdkSignature[] = [
  { prefix: "com.umeng", organisation: "Umeng (Alibaba)", sdk: "Umeng Analytics" },
  { prefix: "com.tencent.bugly", organisation: "Tencent", sdk: "Bugly" },
  { prefix: "com.baidu.android.pushservice", organisation: "Baidu", sdk: "Baidu Push" },
  { prefix: "com.igexin", organisation: "Getui", sdk: "Getui Push (Igexin)" },
];
const options = { signatures, registrableDomain: testRegistrableDomain };
const analyze = async (bytes: Buffer, limits = {}) => analyzeApk(save(bytes), { ...options, limits });

describe("analyzeApk", () => {
  it("reads the demo APK: manifest, every DEX, SDKs, hosts, hash", async () => {
    const bytes = await buildApk(demoApkSpec());
    const result = await analyze(bytes);
    expect(result).toMatchObject({
      kind: "apk",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      package: "com.example.tiktoklike",
      versionName: "30.1.4",
      versionCode: 300104,
      minSdk: 21,
      targetSdk: 34,
      signingCertificateSha256: "unsigned",
    });
    expect(result.permissions).toEqual(
      expect.arrayContaining(["android.permission.READ_PHONE_STATE", "android.permission.ACCESS_FINE_LOCATION", "android.permission.CAMERA", "android.permission.RECORD_AUDIO"]),
    );
    expect(result.dexFiles.map((d) => d.name)).toEqual(["classes.dex", "classes2.dex"]);
    expect(result.sdks.map((s) => s.prefix)).toEqual(["com.baidu.android.pushservice", "com.igexin", "com.tencent.bugly", "com.umeng"]);
    const umeng = result.sdks.find((s) => s.prefix === "com.umeng")!;
    expect(umeng.classes).toContain("com.umeng.analytics.MobclickAgent");
    expect(umeng.classes.length).toBeLessThanOrEqual(5);
    expect(umeng.classDexFiles).toHaveLength(umeng.classes.length);
    expect(umeng.classDexFiles!.every((d) => d === "classes.dex" || d === "classes2.dex")).toBe(true);
    expect(umeng.classCount).toBeGreaterThan(5);
    const hosts = result.hosts.map((h) => h.host);
    expect(hosts).toEqual(expect.arrayContaining(["alog.umeng.com", "bugly.qq.com", "sdk.open.talk.igexin.com", "api.tiktoklike.example.com"]));
    expect(result.hosts.find((h) => h.host === "bugly.qq.com")?.registrableDomain).toBe("qq.com");
  });

  it("reads DEX files in numeric order and counts classes and strings of each", async () => {
    const dex = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => writeDex({ classes: [`com.example.p${i}.C`], strings: [`s${i}`] }));
    const result = await analyze(await buildApk({ dex }));
    expect(result.dexFiles.map((d) => d.name)).toEqual(["classes.dex", ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => `classes${i}.dex`)]);
    // "s1", "Lcom/example/p1/C;" and "Ljava/lang/Object;".
    expect(result.dexFiles[0]).toEqual({ name: "classes.dex", classCount: 1, stringCount: 3 });
  });

  it("ignores DEX files that are not at the top level of the package", async () => {
    const result = await analyze(await buildApk({ dex: [{ classes: ["a.B"] }], extra: [{ name: "assets/classes.dex", data: writeDex({ classes: ["com.umeng.Hidden"] }) }] }));
    expect(result.dexFiles.map((d) => d.name)).toEqual(["classes.dex"]);
    expect(result.sdks).toEqual([]);
  });

  it("does not open a nested archive, even one that holds an APK with SDK classes", async () => {
    const inner = await buildApk({ dex: [{ classes: ["com.umeng.analytics.MobclickAgent"], strings: ["https://alog.umeng.com/"] }] });
    const outer = await buildApk({ dex: [{ classes: ["com.example.Main"] }], extra: [{ name: "assets/plugin.apk", data: inner }, { name: "lib/sdk.jar", data: inner }] });
    const result = await analyze(outer);
    expect(result.sdks).toEqual([]);
    expect(result.hosts).toEqual([]);
  });

  it("says what is wrong with input that is not an APK", async () => {
    await expect(analyze(await zipBytes([{ name: "word/document.xml", data: Buffer.from("<w/>") }]))).rejects.toThrow(
      new NotAnApkError("The file is a ZIP archive but not an APK: it has no AndroidManifest.xml."),
    );
    await expect(analyze(Buffer.from('{"log":{"entries":[]}}'))).rejects.toThrow(ZipError);
    await expect(analyze(await buildApk({ manifest: Buffer.from("<manifest/>") }))).rejects.toThrow(ManifestFormatError);
  });

  it("fails cleanly on a truncated APK", async () => {
    const bytes = await buildApk(demoApkSpec());
    const error = await analyze(bytes.subarray(0, Math.floor(bytes.length * 0.7))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZipError);
    expect((error as ZipError).code).toBe("truncated_zip");
  });

  it("names the DEX file that is malformed", async () => {
    const bad = writeDex({ classes: ["a.B"] });
    bad.write("dey", 0, "latin1");
    const error = await analyze(await buildApk({ dex: [{ classes: ["a.C"] }, bad] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DexFormatError);
    expect((error as Error).message).toBe("classes2.dex is not a valid DEX file: the magic number is not dex\\n0NN.");
  });

  it("refuses a ZIP bomb inside an APK", async () => {
    const bytes = await buildApk({ dex: [{ classes: ["a.B"] }], extra: [{ name: "res/raw/blank.bin", data: Buffer.alloc(50 * 1024 * 1024) }] });
    await expect(analyze(bytes)).rejects.toThrow(/res\/raw\/blank.bin" inflates \d+ bytes to 50 MiB, beyond the 200:1 ratio allowed/);
  });

  it("applies the limits a caller passes", async () => {
    const bytes = await buildApk({ dex: [{ classes: ["a.B"] }] });
    await expect(analyze(bytes, { maxEntries: 1 })).rejects.toThrow("The archive lists 2 entries, more than the 1 allowed.");
  });

  it("reports no SDKs with no signatures, and keeps hosts to known suffixes", async () => {
    const result = await analyzeApk(save(await buildApk(demoApkSpec())), { signatures: [], registrableDomain: () => null });
    expect(result.sdks).toEqual([]);
    // Only URL hosts survive when no suffix is known.
    expect(result.hosts.every((h) => h.registrableDomain === null)).toBe(true);
    expect(result.hosts.map((h) => h.host)).toEqual(expect.arrayContaining(["alog.umeng.com", "android.bugly.qq.com"]));
    expect(result.hosts.map((h) => h.host)).not.toContain("bugly.qq.com");
  });

  it("fails only with a ZipError or an ApkAnalysisError (one line), whatever bytes of a package are changed", async () => {
    // Stored entries, so a changed byte reaches the manifest and DEX readers instead of failing the CRC alone.
    const spec = demoApkSpec();
    const { writeManifest } = await import("./testing/axml-writer");
    const original = await zipBytes([
      { name: "AndroidManifest.xml", data: writeManifest(spec.manifest as Parameters<typeof writeManifest>[0]), compress: false },
      ...(spec.dex ?? []).map((d, i) => ({ name: i === 0 ? "classes.dex" : `classes${i + 1}.dex`, data: writeDex(d as Parameters<typeof writeDex>[0]), compress: false })),
    ]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), async (edits) => {
        const bytes = Buffer.from(original);
        for (const [at, value] of edits) bytes[at] = value;
        try {
          await analyze(bytes);
        } catch (error) {
          expect(error instanceof ZipError || error instanceof ApkAnalysisError).toBe(true);
          expect((error as Error).message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
