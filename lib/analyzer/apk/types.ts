import type { ZipLimits } from "@/lib/analyzer/zip/bounded-zip";

export type { ZipLimits };

// The knowledge base's own signature type: one vocabulary of SDK package prefixes.
import type { SdkSignature } from "@/lib/analyzer/kb/sdk-signatures";
export type { SdkSignature };

export type ApkSdkMatch = {
  prefix: string;
  organisation: string;
  sdk: string;
  /** Up to 5 example class names, top-level classes first. */
  classes: string[];
  /** The DEX file defining each example class (same order as `classes`); absent before apk-2. */
  classDexFiles?: string[];
  classCount: number;
};

export type ApkAnalysis = {
  kind: "apk";
  /** SHA-256 of the whole file, lower-case hex. */
  sha256: string;
  package: string | null;
  versionName: string | null;
  versionCode: number | null;
  minSdk: number | null;
  targetSdk: number | null;
  permissions: string[];
  dexFiles: { name: string; classCount: number; stringCount: number }[];
  sdks: ApkSdkMatch[];
  hosts: { host: string; registrableDomain: string | null }[];
  /** SHA-256 of the signer certificate's DER, lower-case hex, or "unsigned". */
  signingCertificateSha256: string | "unsigned";
};

export type AnalyzeApkOptions = {
  signatures: SdkSignature[];
  registrableDomain: (host: string) => string | null;
  limits?: Partial<ZipLimits>;
};
