import "server-only";
import type { StoredApkFindings } from "@/lib/server/apk/get-apk-findings";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import { isUuid } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

type Common = {
  id: string;
  exhibit: { id: string; label: string; title: string; originalFilename: string; blobSha256: string; size: bigint };
  inputSha256: string;
  analyzerVersion: string;
  kbVersion: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
};

export type CaptureAnalysisForPaper = Common & {
  kind: "capture";
  entryCount: number;
  observationCount: number;
  testDeviceLabel: string | null;
  capturedBy: string | null;
  compressed: boolean;
};
export type ApkAnalysisForPaper = Common & { kind: "apk"; findings: StoredApkFindings };
export type AnalysisForPaper = CaptureAnalysisForPaper | ApkAnalysisForPaper;

// A finished analysis (of a capture or of an app package) of this matter, for the papers that
// describe it. Another matter's or an unknown id is "not found"; one still running or failed has
// no result to certify.
export async function loadAnalysisForPaper(matterId: string, analysisId: string): Promise<AnalysisForPaper> {
  if (!isUuid(analysisId)) throw AppError.notFound("Analysis not found");
  const exhibitSelect = { select: { id: true, prefix: true, number: true, title: true, originalFilename: true, blobSha256: true, blob: { select: { size: true } } } } as const;
  const [capture, apk] = await Promise.all([
    db.captureAnalysis.findFirst({ where: { id: analysisId, matterId }, include: { exhibit: exhibitSelect } }),
    db.apkAnalysis.findFirst({ where: { id: analysisId, matterId }, include: { exhibit: exhibitSelect } }),
  ]);
  const row = capture ?? apk;
  if (!row) throw AppError.notFound("Analysis not found");
  if (row.status !== "DONE") throw new AppError("CONFLICT", "This analysis has not finished: there is no result to describe yet.");
  const x = row.exhibit;
  const common: Common = {
    id: row.id,
    exhibit: { id: x.id, label: exhibitLabel(x.prefix, x.number), title: x.title, originalFilename: x.originalFilename, blobSha256: x.blobSha256, size: x.blob.size },
    inputSha256: row.inputSha256,
    analyzerVersion: row.analyzerVersion,
    kbVersion: row.kbVersion,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    createdAt: row.createdAt,
  };
  if (capture) {
    return {
      ...common,
      kind: "capture",
      entryCount: capture.entryCount ?? 0,
      observationCount: capture.observationCount ?? 0,
      testDeviceLabel: capture.testDeviceLabel,
      capturedBy: capture.capturedBy,
      compressed: capture.compressed,
    };
  }
  return { ...common, kind: "apk", findings: apk!.findings as unknown as StoredApkFindings };
}
