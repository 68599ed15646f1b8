import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import type { ElementCoverage } from "@/lib/ledger/coverage";
import { SUPPORT_STATUSES, type SupportStatus } from "@/lib/ledger/support-status";
import { SUPPORT_VIEW } from "@/lib/server/ledger/support-status";

// The coverage dashboard: allegations by status, and for each element of each count how many of
// the allegations that serve it are proven. An element with no SUPPORTED allegation is the legal
// risk: the count fails on it. Withdrawn allegations are no longer pleaded and count for nothing.
export async function getCoverage(actor: Actor, matterId: string) {
  await requirePermission(actor, matterId, "matter.read");
  const [byStatusRows, elements, [requests]] = await Promise.all([
    db.$queryRaw<{ status: SupportStatus; n: number }[]>`
      SELECT status, count(*)::int AS n FROM ${SUPPORT_VIEW} WHERE "matterId" = ${matterId}::uuid AND NOT withdrawn GROUP BY status`,
    // Statuses are counted per element first (one pass over the matter's element links), then
    // set beside the matter's few elements.
    db.$queryRaw<ElementCoverage[]>`
      WITH per AS (
        SELECT ae."elementId",
          count(*)::int AS allegations,
          (count(*) FILTER (WHERE s.status = 'SUPPORTED'))::int AS supported,
          (count(*) FILTER (WHERE s.status = 'PARTIAL'))::int AS partial,
          (count(*) FILTER (WHERE s.status = 'CONTRADICTED'))::int AS contradicted,
          (count(*) FILTER (WHERE s.status = 'UNSUPPORTED'))::int AS unsupported
        FROM "AllegationElement" ae
        JOIN ${SUPPORT_VIEW} s ON s."allegationId" = ae."allegationId"
        WHERE s."matterId" = ${matterId}::uuid AND NOT s.withdrawn
        GROUP BY ae."elementId"
      )
      SELECT c.id::text AS "countId", c.number AS "countNumber", c.title AS "countTitle",
        e.id::text AS "elementId", e.position, e.text,
        COALESCE(per.allegations, 0) AS allegations,
        COALESCE(per.supported, 0) AS supported,
        COALESCE(per.partial, 0) AS partial,
        COALESCE(per.contradicted, 0) AS contradicted,
        COALESCE(per.unsupported, 0) AS unsupported
      FROM "Count" c
      JOIN "Element" e ON e."countId" = c.id
      LEFT JOIN per ON per."elementId" = e.id
      WHERE c."matterId" = ${matterId}::uuid
      ORDER BY c.number, e.position`,
    db.$queryRaw<{ open: number; overdue: number }[]>`
      SELECT count(*)::int AS open, (count(*) FILTER (WHERE "dueOn" < current_date))::int AS overdue
      FROM "EvidenceRequest" WHERE "matterId" = ${matterId}::uuid AND status = 'OPEN'`,
  ]);
  const byStatus = Object.fromEntries(SUPPORT_STATUSES.map((s) => [s, byStatusRows.find((r) => r.status === s)?.n ?? 0])) as Record<SupportStatus, number>;
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return {
    total,
    byStatus,
    elements,
    unprovenElements: elements.filter((e) => e.supported === 0).length,
    openRequests: requests?.open ?? 0,
    overdueRequests: requests?.overdue ?? 0,
  };
}
