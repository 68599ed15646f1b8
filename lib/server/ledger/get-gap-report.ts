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
  const rows = await db.$queryRaw<GapRow[]>`
    SELECT a.id::text AS id, a.paragraph, a.text, a.kind::text AS kind, s.status,
      a."flagSeverity"::text AS "flagSeverity", a."flagReason",
      dt."destinationHost", dt."destinationCountry",
      ARRAY(
        SELECT c.number || '.' || e.position
        FROM "AllegationElement" ae JOIN "Element" e ON e.id = ae."elementId" JOIN "Count" c ON c.id = e."countId"
        WHERE ae."allegationId" = a.id ORDER BY c.number, e.position
      ) AS elements,
      COALESCE((
        SELECT json_agg(json_build_object(
          'description', r.description, 'assignee', u.name, 'dueOn', to_char(r."dueOn", 'YYYY-MM-DD'),
          'overdue', r."dueOn" IS NOT NULL AND r."dueOn" < current_date) ORDER BY r."dueOn" NULLS LAST, r."createdAt")
        FROM "EvidenceRequest" r LEFT JOIN "User" u ON u.id = r."assigneeId"
        WHERE r."allegationId" = a.id AND r.status = 'OPEN'
      ), '[]'::json) AS requests
    FROM "Allegation" a
    JOIN ${SUPPORT_VIEW} s ON s."allegationId" = a.id AND s."matterId" = a."matterId"
    LEFT JOIN "DataTransfer" dt ON dt."allegationId" = a.id
    WHERE a."matterId" = ${matterId}::uuid AND (s.status <> 'SUPPORTED' OR a."flagSeverity" IS NOT NULL)
    ORDER BY a.paragraph`;
  return { matter, generatedAt: new Date(), rows };
}
