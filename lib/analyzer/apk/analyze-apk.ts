import { createHash } from "node:crypto";
import fs from "node:fs";
import { BoundedZip } from "@/lib/analyzer/zip/bounded-zip";
import { readDex } from "./dex";
import { NotAnApkError } from "./errors";
import { HostCollector } from "./hosts";
import { readManifest } from "./manifest";
import { SdkMatcher } from "./sdk-match";
import { signingCertificateSha256 } from "./signing";
import type { AnalyzeApkOptions, ApkAnalysis } from "./types";

export type { AnalyzeApkOptions, ApkAnalysis, SdkSignature } from "./types";
export { ApkAnalysisError, DexFormatError, ManifestFormatError, NotAnApkError, SignatureFormatError } from "./errors";
export { ZipError, DEFAULT_ZIP_LIMITS, type ZipLimits } from "@/lib/analyzer/zip/bounded-zip";

// What an Android package carries, read without running it: the manifest's identity, SDK levels and
// permissions; the classes each DEX file defines, matched to known SDKs by package prefix; the host
// names in its string constants; and the certificate it was signed with. This is code present in the
// package, not proof that it ran: only a network capture shows a transmission.
//
// The archive is opened with the bounded reader (lib/analyzer/zip) and only the manifest, the
// top-level classes*.dex files and the v1 signature files are inflated, one at a time; nested
// archives (assets/*.apk, *.jar, *.zip) are never opened. Bad input throws a ZipError or an
// ApkAnalysisError whose message is one line naming the problem.

const MANIFEST = "AndroidManifest.xml";
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
const DEX_ENTRY = /^classes(\d*)\.dex$/;

function dexOrder(name: string): number {
  const n = DEX_ENTRY.exec(name)![1]!;
  return n === "" ? 1 : Number(n);
}

async function sha256OfFile(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function analyzeApk(filePath: string, options: AnalyzeApkOptions): Promise<ApkAnalysis> {
  // The file hash needs only the bytes; it runs alongside the parse.
  const sha256 = sha256OfFile(filePath);
  sha256.catch(() => {}); // awaited below; a read error surfaces there, not as an unhandled rejection
  const zip = await BoundedZip.open(filePath, options.limits);
  try {
    if (!zip.has(MANIFEST)) throw new NotAnApkError(`The file is a ZIP archive but not an APK: it has no ${MANIFEST}.`);
    const manifest = readManifest(await zip.read(MANIFEST, MAX_MANIFEST_BYTES), MANIFEST);

    const sdks = new SdkMatcher(options.signatures);
    const hosts = new HostCollector(options.registrableDomain);
    const dexFiles: ApkAnalysis["dexFiles"] = [];
    const dexNames = zip
      .names()
      .filter((name) => DEX_ENTRY.test(name))
      .sort((a, b) => dexOrder(a) - dexOrder(b));
    // One DEX in memory at a time; its strings and classes are reduced to matches and hosts before the next.
    for (const name of dexNames) {
      const dex = readDex(await zip.read(name), name);
      for (const className of dex.definedClasses) sdks.add(className, name);
      for (const text of dex.strings) hosts.scan(text);
      dexFiles.push({ name, classCount: dex.definedClasses.length, stringCount: dex.strings.length });
    }

    const signingCertificate = await signingCertificateSha256(filePath, zip);
    return {
      kind: "apk",
      sha256: await sha256,
      ...manifest,
      dexFiles,
      sdks: sdks.results(),
      hosts: hosts.results(),
      signingCertificateSha256: signingCertificate,
    };
  } finally {
    zip.close();
  }
}
