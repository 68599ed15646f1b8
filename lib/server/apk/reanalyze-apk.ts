import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { APK_ANALYZER_VERSION, isApkType } from "@/lib/analyzer/capture-types";
import { exhibitLabel } from "@/lib/bates/format";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";
import { enqueue } from "@/lib/server/jobs/boss";

// A new analysis of an app package (with today's analyzer and KB); earlier analyses stay as they
// were, and decisions taken on its SDK suggestions carry over (they are keyed on the bytes).
export async function reanalyzeApk(actor: Actor, matterId: string, exhibitId: string): Promise<{ analysisId: string }> {
  await requirePermission(actor, matterId, "captures.analyze");
  const analysisId = uuidv7();
  await db.$transaction(async (tx) => {
    const exhibit = await findExhibitInMatter(matterId, exhibitId, tx);
    if (!isApkType(exhibit.detectedType)) throw new AppError("VALIDATION", "Only an app package (APK) can be analysed as a package.");
    // Serialises requests for one exhibit: two clicks make one analysis.
    await tx.$queryRaw`SELECT id FROM "Exhibit" WHERE id = ${exhibitId}::uuid FOR UPDATE`;
    const pending = await tx.apkAnalysis.findFirst({ where: { exhibitId, status: { in: ["QUEUED", "RUNNING"] } } });
    if (pending) throw new AppError("CONFLICT", "An analysis of this package is already waiting or running.");
    const previous = await tx.apkAnalysis.findFirst({ where: { exhibitId }, orderBy: { createdAt: "desc" }, select: { id: true } });
    await tx.apkAnalysis.create({ data: { id: analysisId, matterId, exhibitId, inputSha256: exhibit.blobSha256, analyzerVersion: APK_ANALYZER_VERSION } });
    await appendAudit(tx, actor, {
      matterId,
      action: "apk.reanalyze",
      entityId: exhibitId,
      details: { number: exhibitLabel(exhibit.prefix, exhibit.number), analysisId, previousAnalysisId: previous?.id ?? null },
    });
  });
  await enqueue("apk-analyze", { analysisId }, { singletonKey: analysisId });
  return { analysisId };
}
