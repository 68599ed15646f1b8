// `npm run bench -- apk [--size-mib 50] [--runs 3]`: analyzeApk end to end (bounded ZIP open,
// manifest, 4 DEX files of ~9 MiB each with their strings and classes, SDK matching against 100
// signatures, host extraction, v1 signing certificate, SHA-256 of the file) on a generated APK
// of the given size, against a bare sequential read + SHA-256 of the same file in the same run,
// and against only opening the archive and inflating its DEX files (the floor of the parse).
// Target: under 5 s for 50 MiB.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { analyzeApk, type SdkSignature } from "@/lib/analyzer/apk/analyze-apk";
import { BoundedZip } from "@/lib/analyzer/zip/bounded-zip";
import { buildApk, hasOpenssl, makeCertificate } from "@/lib/analyzer/apk/testing/apk-writer";
import { writeDex } from "@/lib/analyzer/apk/testing/dex-writer";
import { testRegistrableDomain } from "@/lib/analyzer/apk/testing/registrable-domain";
import { ROOT } from "../scripts/lib/postgres";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => Number(args[args.indexOf(name) + 1] ?? 0) || fallback;
const SIZE_MIB = arg("--size-mib", 50);
const RUNS = arg("--runs", 5);
const DEX_FILES = 4;
// Per DEX, about what a large real one holds: 15k classes, ~130k strings, ~7 MiB of code.
const CLASSES_PER_DEX = 15_000;
const EXTRA_STRINGS_PER_DEX = 110_000;
const CODE_BYTES_PER_DEX = 7 * 1024 * 1024;

// A deterministic generator, so every run analyses the same kind of file.
let seed = 42;
const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
const word = () => {
  const syllables = ["ka", "lo", "mi", "ne", "to", "ru", "sa", "vi", "da", "pe", "zo", "qu", "bi", "fe", "gu"];
  let w = "";
  for (let i = 2 + (next() % 4); i > 0; i--) w += syllables[next() % syllables.length];
  return w;
};
const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);

const SDK_PREFIXES = ["com.umeng", "com.tencent.bugly", "com.baidu.android.pushservice", "com.igexin", "com.getui", "com.bytedance.sdk", "com.google.firebase", "com.facebook.appevents", "com.appsflyer", "com.adjust.sdk"];

function makeDex(index: number): Buffer {
  const classes: string[] = [];
  for (let c = 0; c < CLASSES_PER_DEX; c++) {
    const root = c % 7 === 0 ? SDK_PREFIXES[c % SDK_PREFIXES.length]! : `com.${word()}.${word()}`;
    classes.push(`${root}.${word()}.${capital(word())}${capital(word())}${c}${c % 5 === 0 ? `$${c % 9}` : ""}`);
  }
  const strings: string[] = [];
  for (let s = 0; s < EXTRA_STRINGS_PER_DEX; s++) {
    const r = next() % 1000;
    if (r < 3) strings.push(`https://api${s % 50}.${word()}.com/v${r}/${word()}?id=${s}`);
    else if (r < 5) strings.push(`${word()}.${word()}.cn`);
    else if (r < 400) strings.push(`${word()}${capital(word())}${s}`);
    else if (r < 700) strings.push(`L${classes[next() % classes.length]!.replaceAll(".", "/")}$${word()};`);
    else strings.push(`${capital(word())} ${word()} ${word()} ${word()} ${word()} ${word()} ${s} ${word()}`);
  }
  strings.push(`https://alog.umeng.com/app_logs/${index}`, "bugly.qq.com", "http://sdk.open.talk.igexin.com/api.php");
  // Stand-in code: half the bytes random, so it deflates about 2:1 like real DEX code.
  const code = randomBytes(CODE_BYTES_PER_DEX);
  for (let i = 0; i < code.length; i += 2) code[i] = 0;
  return writeDex({ classes, strings, codeBytes: code });
}

async function sha256Read(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const work = path.join(ROOT, ".data");
  fs.mkdirSync(work, { recursive: true });
  const file = path.join(work, `bench-apk-${process.pid}.apk`);
  try {
    const generated = performance.now();
    const dex = Array.from({ length: DEX_FILES }, (_, i) => makeDex(i));
    const dexBytes = dex.reduce((n, d) => n + d.length, 0);
    const base = await buildApk({ manifest: { package: "com.example.bench", versionName: "1.0", versionCode: 1, minSdk: 21, targetSdk: 34, permissions: ["android.permission.INTERNET"] }, dex });
    // Native libraries and media fill the rest: stored, incompressible, as in a real package.
    const filler = Math.max(0, SIZE_MIB * 1024 * 1024 - base.length - 8192);
    const signer = hasOpenssl() ? makeCertificate("Bench Signer") : undefined;
    const apk = await buildApk({
      manifest: { package: "com.example.bench", versionName: "1.0", versionCode: 1, minSdk: 21, targetSdk: 34, permissions: ["android.permission.INTERNET"] },
      dex,
      extra: [{ name: "lib/arm64-v8a/libnative.so", data: randomBytes(filler), compress: false }],
      v1: signer,
    });
    fs.writeFileSync(file, apk);
    console.log(`apk.generate: ${((performance.now() - generated) / 1000).toFixed(1)} s (not measured)`);

    const signatures: SdkSignature[] = [];
    for (const prefix of SDK_PREFIXES) signatures.push({ prefix, organisation: prefix.split(".")[1]!, sdk: prefix });
    for (let i = signatures.length; i < 100; i++) signatures.push({ prefix: `com.vendor${i}.sdk`, organisation: `Vendor ${i}`, sdk: `SDK ${i}` });

    const baseline: number[] = [];
    const inflateOnly: number[] = [];
    const analysis: number[] = [];
    // The share of the work that is only opening the archive and inflating the DEX files.
    const inflateDex = async () => {
      const zip = await BoundedZip.open(file);
      try {
        for (const name of zip.names().filter((n) => /^classes\d*\.dex$/.test(n))) await zip.read(name);
      } finally {
        zip.close();
      }
    };
    let result: Awaited<ReturnType<typeof analyzeApk>> | undefined;
    let rssPeak = 0;
    for (let run = 0; run < RUNS; run++) {
      baseline.push((await time(() => sha256Read(file))).ms);
      inflateOnly.push((await time(inflateDex)).ms);
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 5);
      const measured = await time(() => analyzeApk(file, { signatures, registrableDomain: testRegistrableDomain }));
      clearInterval(sampler);
      analysis.push(measured.ms);
      result = measured.value;
    }
    const a = median(analysis);
    const b = median(baseline);
    const MiB = 1024 * 1024;
    console.log(`apk.file_size: ${(apk.length / MiB).toFixed(1)} MiB`);
    console.log(`apk.dex_files: ${result!.dexFiles.length} files, ${(dexBytes / MiB).toFixed(1)} MiB uncompressed`);
    console.log(`apk.dex_strings: ${result!.dexFiles.reduce((n, d) => n + d.stringCount, 0)} strings`);
    console.log(`apk.dex_classes: ${result!.dexFiles.reduce((n, d) => n + d.classCount, 0)} classes`);
    console.log(`apk.sdks_matched: ${result!.sdks.length} SDKs, ${result!.sdks.reduce((n, s) => n + s.classCount, 0)} classes`);
    console.log(`apk.hosts_found: ${result!.hosts.length} hosts`);
    console.log(`apk.signing_certificate: ${result!.signingCertificateSha256 === "unsigned" ? "unsigned" : "v1"}`);
    console.log(`apk.analyze: ${(a / 1000).toFixed(2)} s (median of ${RUNS}; runs ${analysis.map((x) => (x / 1000).toFixed(2)).join(", ")})`);
    console.log(`apk.baseline_read_sha256: ${(b / 1000).toFixed(2)} s (median of ${RUNS})`);
    console.log(`apk.analyze_over_baseline: ${(a / b).toFixed(1)} x`);
    const c = median(inflateOnly);
    console.log(`apk.open_and_inflate_dex_only: ${(c / 1000).toFixed(2)} s (median of ${RUNS})`);
    console.log(`apk.analyze_over_inflate_only: ${(a / c).toFixed(1)} x`);
    console.log(`apk.throughput: ${(apk.length / MiB / (a / 1000)).toFixed(0)} MiB/s`);
    // The generated file and its parts are still held by this process; the figure is an upper bound.
    console.log(`apk.peak_rss: ${(rssPeak / MiB).toFixed(0)} MiB (whole bench process, sampled every 5 ms during analysis)`);
    console.log(`apk.target_under_5s: ${a < 5000 ? "met" : "MISSED"}`);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
