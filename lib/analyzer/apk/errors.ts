// Expected failures of a damaged or hostile package. Each message is one line naming the problem,
// fit to show on an exhibit or print on stderr as is. ZIP-level failures (truncated archive, ZIP bomb,
// limits) are the ZipError of lib/analyzer/zip/bounded-zip.ts, which analyzeApk passes through.
export type ApkErrorCode = "not_apk" | "malformed_manifest" | "malformed_dex" | "malformed_signature";

export class ApkAnalysisError extends Error {
  constructor(
    readonly code: ApkErrorCode,
    message: string,
  ) {
    super(message.replace(/\s+/g, " ").trim());
    this.name = "ApkAnalysisError";
  }
}

export class NotAnApkError extends ApkAnalysisError {
  constructor(message: string) {
    super("not_apk", message);
    this.name = "NotAnApkError";
  }
}

export class ManifestFormatError extends ApkAnalysisError {
  constructor(message: string) {
    super("malformed_manifest", message);
    this.name = "ManifestFormatError";
  }
}

export class DexFormatError extends ApkAnalysisError {
  constructor(message: string) {
    super("malformed_dex", message);
    this.name = "DexFormatError";
  }
}

export class SignatureFormatError extends ApkAnalysisError {
  constructor(message: string) {
    super("malformed_signature", message);
    this.name = "SignatureFormatError";
  }
}
