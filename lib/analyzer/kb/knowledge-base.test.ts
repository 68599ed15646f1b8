import { buildApk } from "@/lib/analyzer/apk/testing/apk-writer";
import { demoApkSpec } from "@/lib/analyzer/apk/testing/demo-apk";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { hostSuffixes, registrableDomain } from "@/lib/analyzer/domains";
import { ipCountryLookup } from "@/lib/analyzer/ip-country";
import { curatedKnowledgeBase, KnowledgeBase, type KbFact } from "@/lib/analyzer/kb/knowledge-base";
import { matchSdkSignature, SDK_SIGNATURES } from "@/lib/analyzer/kb/sdk-signatures";
import { CURATED_TRACKER_DOMAINS } from "@/lib/analyzer/kb/tracker-domains";
import { generateCaptureText } from "@/lib/analyzer/har/generate-capture";

const fact = (domain: string, organisation: string, layer: KbFact["layer"], extra: Partial<KbFact> = {}): KbFact => ({
  domain,
  organisation,
  parent: null,
  country: null,
  category: "ANALYTICS",
  source: "test",
  checkedOn: null,
  layer,
  ...extra,
});

describe("registrable domains (Public Suffix List via tldts)", () => {
  it("cuts a host to its registrable domain", () => {
    expect(registrableDomain("android.bugly.qq.com")).toBe("qq.com");
    expect(registrableDomain("A.B.Example.CO.UK.")).toBe("example.co.uk");
    expect(registrableDomain("alog.umeng.co")).toBe("umeng.co");
    expect(registrableDomain("59.82.29.248")).toBeNull();
    expect(registrableDomain("co.uk")).toBeNull();
    expect(registrableDomain("api.php")).toBeNull();
    expect(registrableDomain("router.lan")).toBeNull();
  });

  it("lists suffixes from the host down to its registrable domain", () => {
    expect(hostSuffixes("a.b.qq.com")).toEqual(["a.b.qq.com", "b.qq.com", "qq.com"]);
    expect(hostSuffixes("qq.com")).toEqual(["qq.com"]);
  });
});

describe("tracker knowledge base", () => {
  const kb = curatedKnowledgeBase();

  it("matches the longest suffix: bugly.qq.com is Bugly, the rest of qq.com is Tencent", () => {
    expect(kb.lookup("crashreport.bugly.qq.com")).toMatchObject({ domain: "bugly.qq.com", organisation: "Tencent Bugly", category: "CRASH_REPORTING", country: "CN" });
    expect(kb.lookup("www.qq.com")).toMatchObject({ domain: "qq.com", organisation: "Tencent" });
    expect(kb.lookup("notumeng.com")).toBeNull();
    expect(kb.lookup("umeng.com.evil.example")).toBeNull();
  });

  it("ships every row the issue names, each with a source", () => {
    for (const domain of ["umeng.com", "umeng.co", "umengcloud.com", "bugly.qq.com", "igexin.com", "getui.com", "getui.net", "push.baidu.com", "mtj.baidu.com", "tiktokv.com", "tiktokcdn.com", "musical.ly", "byteoversea.com", "google-analytics.com", "app-measurement.com", "crashlytics.com", "graph.facebook.com", "appsflyer.com", "adjust.com"]) {
      expect(kb.lookup(domain)?.domain, domain).toBe(domain);
    }
    expect(CURATED_TRACKER_DOMAINS.every((f) => f.source.length > 10 && f.layer === "OURS")).toBe(true);
  });

  it("ours wins over an imported CSV and the Exodus layer for the same domain; a matter's override wins over all", () => {
    const layered = new KnowledgeBase([fact("t-example.com", "Exodus says", "EXODUS"), fact("t-example.com", "Ours says", "OURS"), fact("t-example.com", "CSV says", "IMPORTED_CSV")]);
    expect(layered.lookup("a.t-example.com")?.organisation).toBe("Ours says");
    const overridden = new KnowledgeBase([fact("t-example.com", "Ours says", "OURS"), fact("t-example.com", "Matter says", "OURS", { matterLocal: true })]);
    expect(overridden.lookup("t-example.com")?.organisation).toBe("Matter says");
  });

  it("versions itself by content", () => {
    const a = new KnowledgeBase([fact("t-example.com", "A", "OURS")]);
    expect(new KnowledgeBase([fact("t-example.com", "A", "OURS")]).version).toBe(a.version);
    expect(new KnowledgeBase([fact("t-example.com", "B", "OURS")]).version).not.toBe(a.version);
  });

  it("SDK signatures match a package and what is below it, longest prefix first", () => {
    expect(matchSdkSignature("com.umeng.analytics.MobclickAgent")?.prefix).toBe("com.umeng");
    expect(matchSdkSignature("com.umengx.Foo")).toBeNull();
    expect(matchSdkSignature("com.google.firebase.crashlytics.FirebaseCrashlytics")?.prefix).toBe("com.google.firebase.crashlytics");
    for (const prefix of ["com.umeng", "com.tencent.bugly", "com.baidu.android.pushservice", "com.baidu.mobstat", "com.igexin", "com.getui", "com.google.firebase", "com.google.android.gms.ads", "com.facebook", "com.appsflyer", "com.adjust", "com.bytedance"]) {
      expect(SDK_SIGNATURES.some((s) => s.prefix === prefix), prefix).toBe(true);
    }
  });

  it("offline IP registration country from the shipped database", () => {
    const lookup = ipCountryLookup();
    expect(lookup?.country("59.82.29.248")).toBe("CN");
    expect(lookup?.country("not an ip")).toBeNull();
    expect(lookup?.country("10.0.0.1")).toBeNull();
  });
});

const exec = promisify(execFile);
const cli = (args: string[]) => exec(path.join(process.cwd(), "node_modules/.bin/tsx"), ["scripts/analyze.ts", ...args], { cwd: process.cwd() });

describe("npm run analyze", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "analyze-cli-"));

  it("prints one JSON document in the issue's shape", async () => {
    const file = path.join(dir, "c.har");
    fs.writeFileSync(file, generateCaptureText({ entries: 10 }));
    const { stdout } = await cli([file, "--device", "imei=861234567890127,android_id=9774d56d682e549c,mac=A4:50:46:12:34:56,adid=38400000-8cf0-11bd-b23e-10b96e40000d"]);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(["kind", "sha256", "entries", "observations", "destinations", "sdks"]);
    expect(report).toMatchObject({ kind: "har", entries: 10, observations: 10, sdks: [] });
    expect(report.destinations.find((d: { host: string }) => d.host === "alog.umeng.com")).toEqual({
      host: "alog.umeng.com",
      registrableDomain: "umeng.com",
      organisation: "Umeng",
      parent: "Alibaba Group",
      country: "CN",
      requests: 1,
      dataCategories: ["IMEI", "ANDROID_ID", "MAC_ADDRESS", "DEVICE_MODEL", "OS_VERSION"],
    });
  });

  it("bad input: one line on stderr naming the problem, exit 1", async () => {
    const file = path.join(dir, "bad.har");
    fs.writeFileSync(file, '{"log":{"entries":[{"request":');
    for (const args of [[file], [path.join(dir, "missing.har")], [file, "--device", "serial=1"]]) {
      const error = (await cli(args).catch((e: unknown) => e)) as { code: number; stderr: string; stdout: string };
      expect(error.code).toBe(1);
      expect(error.stdout).toBe("");
      expect(error.stderr.trim().split("\n")).toHaveLength(1);
    }
    const error = (await cli([file]).catch((e: unknown) => e)) as { stderr: string };
    expect(error.stderr).toMatch(/truncated/);
  });
});

describe("npm run analyze, an APK", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "analyze-apk-cli-"));

  it("lists the SDKs the KB's signatures match and the hosts in the code, in the same shape", async () => {
    const file = path.join(dir, "demo.apk");
    fs.writeFileSync(file, await buildApk(demoApkSpec()));
    const report = JSON.parse((await cli([file])).stdout);
    expect(Object.keys(report)).toEqual(["kind", "sha256", "entries", "observations", "destinations", "sdks"]);
    expect(report).toMatchObject({ kind: "apk", entries: 0, observations: 0 });
    expect(report.sdks.map((s: { prefix: string }) => s.prefix)).toEqual(expect.arrayContaining(["com.umeng", "com.tencent.bugly", "com.igexin"]));
    expect(report.destinations.find((d: { host: string }) => d.host === "alog.umeng.com")).toMatchObject({ registrableDomain: "umeng.com", parent: "Alibaba Group", country: "CN" });
  });

  it("a truncated package: one line on stderr, exit 1", async () => {
    const file = path.join(dir, "bad.apk");
    fs.writeFileSync(file, (await buildApk(demoApkSpec())).subarray(0, 200));
    const error = (await cli([file]).catch((e: unknown) => e)) as { code: number; stderr: string; stdout: string };
    expect(error.code).toBe(1);
    expect(error.stdout).toBe("");
    expect(error.stderr.trim().split("\n")).toHaveLength(1);
  });
});
