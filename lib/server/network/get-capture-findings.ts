import "server-only";
import type { Detection } from "@/lib/analyzer/detect/scan-request";
import { ipCountryLookup } from "@/lib/analyzer/ip-country";
import { maskValue } from "@/lib/analyzer/suggest";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";
import { isCaptureType } from "@/lib/analyzer/capture-types";

const PAGE = 200;

// A capture exhibit's analyses (newest first, each with its intake record and versions) and the
// observations of the newest finished one, those with findings first. Matched values are masked
// for those who may not see them in full.
export async function getCaptureFindings(actor: Actor, matterId: string, exhibitId: string, options: { onlyWithFindings?: boolean } = {}) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const exhibit = await findExhibitInMatter(matterId, exhibitId);
  if (!isCaptureType(exhibit.detectedType)) return null;
  const analyses = await db.captureAnalysis.findMany({ where: { exhibitId, matterId }, orderBy: { createdAt: "desc" } });
  const shown = analyses.find((a) => a.status === "DONE") ?? null;
  const where = { analysisId: shown?.id ?? "00000000-0000-0000-0000-000000000000", ...(options.onlyWithFindings ? { NOT: { dataCategories: { isEmpty: true } } } : {}) };
  const [observations, total, withFindings] = shown
    ? await Promise.all([
        db.networkObservation.findMany({ where, orderBy: { entryIndex: "asc" }, take: PAGE }),
        db.networkObservation.count({ where: { analysisId: shown.id } }),
        db.networkObservation.count({ where: { analysisId: shown.id, NOT: { dataCategories: { isEmpty: true } } } }),
      ])
    : [[], 0, 0];
  const unmask = access.can("captures.unmask");
  return {
    analyses,
    shown,
    total,
    withFindings,
    masked: !unmask,
    ipCountrySource: ipCountryLookup()?.source ?? null,
    observations: observations.map((o) => ({
      ...o,
      detections: (o.detections as unknown as Detection[]).map((d) => (unmask ? d : { ...d, matched: maskValue(d.matched) })),
    })),
  };
}
