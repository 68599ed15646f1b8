import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";
import { enqueue } from "@/lib/server/jobs/boss";
import { HAR_ANALYZER_VERSION, isCaptureType } from "@/lib/analyzer/capture-types";

// A new analysis of a capture (with today's analyzer, KB and test device); earlier analyses and
// their observations stay as they were, and decisions taken on suggestions carry over.
export async function reanalyzeCapture(actor: Actor, matterId: string, exhibitId: string): Promise<{ analysisId: string }> {
  await requirePermission(actor, matterId, "captures.analyze");
  const analysisId = uuidv7();
  await db.$transaction(async (tx) => {
    const exhibit = await findExhibitInMatter(matterId, exhibitId, tx);
    if (!isCaptureType(exhibit.detectedType)) throw new AppError("VALIDATION", "Only a network capture (HAR) can be analysed.");
    // Serialises requests for one exhibit: two clicks make one analysis.
    await tx.$queryRaw`SELECT id FROM "Exhibit" WHERE id = ${exhibitId}::uuid FOR UPDATE`;
    const pending = await tx.captureAnalysis.findFirst({ where: { exhibitId, status: { in: ["QUEUED", "RUNNING"] } } });
    if (pending) throw new AppError("CONFLICT", "An analysis of this capture is already waiting or running.");
    const previous = await tx.captureAnalysis.findFirst({ where: { exhibitId }, orderBy: { createdAt: "desc" }, select: { id: true } });
    await tx.captureAnalysis.create({ data: { id: analysisId, matterId, exhibitId, inputSha256: exhibit.blobSha256, analyzerVersion: HAR_ANALYZER_VERSION } });
    await appendAudit(tx, actor, {
      matterId,
      action: "capture.reanalyze",
      entityId: exhibitId,
      details: { number: exhibitLabel(exhibit.prefix, exhibit.number), analysisId, previousAnalysisId: previous?.id ?? null },
    });
  });
  await enqueue("capture-analyze", { analysisId }, { singletonKey: analysisId });
  return { analysisId };
}
