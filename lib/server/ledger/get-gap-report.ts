import "server-only";
import type { AllegationKind, FlagSeverity } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import type { SupportStatus } from "@/lib/ledger/support-status";
import { SUPPORT_VIEW } from "@/lib/server/ledger/support-status";

export type GapRequest = { description: string; assignee: string | null; dueOn: string | null; overdue: boolean };
export type GapRow = {
  id: string;
  paragraph: number;
  text: string;
  kind: AllegationKind;
  status: SupportStatus;
  flagSeverity: FlagSeverity | null;
  flagReason: string | null;
  destinationHost: string | null;
  destinationCountry: string | null;
  elements: string[];
  requests: GapRequest[];
};

// Every allegation that is not proven: derived status other than SUPPORTED (PARTIAL included,
// since privileged or weak support cannot carry it at trial), or flagged by a person.
export async function getGapReport(actor: Actor, matterId: string) {
  await requirePermission(actor, matterId, "matter.read");
  const matter = await db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { caption: true, docketNumber: true, court: true } });
  // Elements and open requests are gathered once for the matter and joined, not looked up per row.
  const rows = await db.$queryRaw<GapRow[]>`
    WITH gap AS (
      SELECT a.id, a.paragraph, a.text, a.kind, s.status, a."flagSeverity", a."flagReason"
      FROM "Allegation" a
      JOIN ${SUPPORT_VIEW} s ON s."allegationId" = a.id AND s."matterId" = a."matterId"
      WHERE a."matterId" = ${matterId}::uuid AND a."withdrawnAt" IS NULL AND (s.status <> 'SUPPORTED' OR a."flagSeverity" IS NOT NULL)
    ), labels AS MATERIALIZED (
      SELECT e.id, c.number, e.position, c.number || '.' || e.position AS label
      FROM "Element" e JOIN "Count" c ON c.id = e."countId"
      WHERE c."matterId" = ${matterId}::uuid
    ), els AS (
      SELECT ae."allegationId", array_agg(l.label ORDER BY l.number, l.position) AS elements
      FROM "AllegationElement" ae JOIN labels l ON l.id = ae."elementId"
      GROUP BY ae."allegationId"
    ), reqs AS (
      SELECT r."allegationId", json_agg(json_build_object(
          'description', r.description, 'assignee', u.name, 'dueOn', to_char(r."dueOn", 'YYYY-MM-DD'),
          'overdue', r."dueOn" IS NOT NULL AND r."dueOn" < current_date) ORDER BY r."dueOn" NULLS LAST, r."createdAt") AS requests
      FROM "EvidenceRequest" r LEFT JOIN "User" u ON u.id = r."assigneeId"
      WHERE r."matterId" = ${matterId}::uuid AND r.status = 'OPEN'
      GROUP BY r."allegationId"
    )
    SELECT g.id::text AS id, g.paragraph, g.text, g.kind::text AS kind, g.status,
      g."flagSeverity"::text AS "flagSeverity", g."flagReason",
      dt."destinationHost", dt."destinationCountry",
      COALESCE(els.elements, ARRAY[]::text[]) AS elements,
      COALESCE(reqs.requests, '[]'::json) AS requests
    FROM gap g
    LEFT JOIN "DataTransfer" dt ON dt."allegationId" = g.id
    LEFT JOIN els ON els."allegationId" = g.id
    LEFT JOIN reqs ON reqs."allegationId" = g.id
    ORDER BY g.paragraph`;
  return { matter, generatedAt: new Date(), rows };
}
