// npm run -s analyze -- FILE [--device imei=…,android_id=…,mac=…,adid=…]
// Analyses a HAR (.har, .zhar) or an APK without a database and prints one JSON document
// (lib/analyzer/report.ts). Bad input: one line on stderr naming the problem, exit 1.
import fs from "node:fs";
import { parseDeviceFlag } from "@/lib/analyzer/detect/device-flag";
import type { DeviceProfile } from "@/lib/analyzer/detect/known-values";
import { analyzeHar } from "@/lib/analyzer/har/analyze-har";
import { ipCountryLookup } from "@/lib/analyzer/ip-country";
import { curatedKnowledgeBase, type KnowledgeBase } from "@/lib/analyzer/kb/knowledge-base";
import { analyzeApk } from "@/lib/analyzer/apk/analyze-apk";
import { registrableDomain } from "@/lib/analyzer/domains";
import { destinationsFromHosts, DestinationSummary, type AnalysisReport } from "@/lib/analyzer/report";

function fail(message: string): never {
  process.stderr.write(`${message.replace(/\s+/g, " ").trim()}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]): { file: string; device: DeviceProfile | null } {
  let file: string | null = null;
  let device: DeviceProfile | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--device" || arg.startsWith("--device=")) {
      const value = arg === "--device" ? argv[++i] : arg.slice("--device=".length);
      if (!value) fail("--device needs a value: imei=…,android_id=…,mac=…,adid=…");
      device = parseDeviceFlag(value);
    } else if (arg.startsWith("--")) {
      fail(`unknown option ${arg}; usage: analyze FILE [--device imei=…,android_id=…,mac=…,adid=…]`);
    } else if (file) {
      fail(`one file at a time (got ${file} and ${arg})`);
    } else {
      file = arg;
    }
  }
  if (!file) fail("usage: analyze FILE [--device imei=…,android_id=…,mac=…,adid=…]");
  return { file, device };
}

function isZip(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(4);
    fs.readSync(fd, head, 0, 4, 0);
    return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } finally {
    fs.closeSync(fd);
  }
}

async function analyzeHarFile(file: string, device: DeviceProfile | null, kb: KnowledgeBase): Promise<AnalysisReport> {
  const summary = new DestinationSummary();
  const lookup = ipCountryLookup();
  const intake = await analyzeHar(fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), {
    kb,
    device,
    ipCountry: lookup?.country ?? null,
    onObservation: (observation) => summary.add(observation),
  });
  return { kind: "har", sha256: intake.sha256, entries: intake.entryCount, observations: intake.observationCount, destinations: summary.list(), sdks: [] };
}

// An APK: code present in the package (SDK classes, hosts in DEX strings), not proof that it ran.
async function analyzeApkFile(file: string, kb: KnowledgeBase): Promise<AnalysisReport> {
  let result: Awaited<ReturnType<typeof analyzeApk>>;
  try {
    result = await analyzeApk(file, { signatures: [...kb.signatures], registrableDomain });
  } catch (error) {
    // The ZIP and APK readers' errors are one-line reasons (truncated, bomb, not an APK, bad DEX).
    fail((error as Error).message);
  }
  return {
    kind: "apk",
    sha256: result.sha256,
    entries: 0,
    observations: 0,
    destinations: destinationsFromHosts(result.hosts.map((h) => h.host), kb),
    sdks: result.sdks.map(({ prefix, organisation, classes }) => ({ prefix, organisation, classes })),
  };
}

async function main() {
  const { file, device } = parseArgs(process.argv.slice(2));
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    fail(`${file}: no such file`);
  }
  if (!stat.isFile()) fail(`${file}: not a file`);
  const kb = curatedKnowledgeBase();
  const report = file.toLowerCase().endsWith(".apk") || isZip(file) ? await analyzeApkFile(file, kb) : await analyzeHarFile(file, device, kb);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => fail(`${error instanceof Error ? error.message : String(error)}`));
