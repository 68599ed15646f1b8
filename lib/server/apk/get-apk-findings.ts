import "server-only";
import type { ApkAnalysis as ApkFindings } from "@/lib/analyzer/apk/analyze-apk";
import { isApkType } from "@/lib/analyzer/capture-types";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";

// An app-package exhibit's analyses (newest first, each with its versions and state) and the
// findings of the newest finished one; null for an exhibit that is not an APK.
export async function getApkFindings(actor: Actor, matterId: string, exhibitId: string) {
  await requirePermission(actor, matterId, "matter.read");
  const exhibit = await findExhibitInMatter(matterId, exhibitId);
  if (!isApkType(exhibit.detectedType)) return null;
  const rows = await db.apkAnalysis.findMany({ where: { exhibitId, matterId }, orderBy: { createdAt: "desc" } });
  const analyses = rows.map(({ findings, ...row }) => ({ ...row, findings: findings as unknown as ApkFindings | null }));
  const shown = analyses.find((a) => a.status === "DONE" && a.findings) ?? null;
  return { analyses, shown };
}
