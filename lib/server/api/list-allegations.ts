import "server-only";
import { parseInput } from "@/lib/schemas/parse";
import { ZAllegationListQuery } from "@/lib/schemas/api-v1";
import type { SupportStatus } from "@/lib/ledger/support-status";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { SUPPORT_VIEW } from "@/lib/server/ledger/support-status";
import { decodeCursor, encodeCursor } from "@/lib/server/api/cursor";

type Row = {
  id: string;
  paragraph: string;
  sortKey: number;
  kind: string;
  text: string;
  status: SupportStatus;
  supports: number;
  contradicts: number;
  flagged: boolean;
  destinationHost: string | null;
  recipientOrg: string | null;
  destinationCountry: string | null;
};

// The ledger for scripts: each live allegation with its derived support status, in complaint
// order, a page at a time (keyset on the ¶ sort key and id). Withdrawn ones are not pleaded.
export async function listAllegationsForApi(actor: Actor, matterId: string, query: unknown) {
  await requirePermission(actor, matterId, "matter.read");
  const q = parseInput(ZAllegationListQuery, query);
  const after = decodeCursor(q.cursor, ["number", "string"] as const);
  const rows = await db.$queryRaw<Row[]>`
    SELECT a.id::text AS id, a."paragraphLabel" AS paragraph, a."paragraphSortKey" AS "sortKey", a.kind::text AS kind, a.text,
      s.status, (s."supportsOpen" + s."supportsPrivileged")::int AS supports, s.contradicts::int AS contradicts,
      a."flagSeverity" IS NOT NULL AS flagged, dt."destinationHost", dt."recipientOrg", dt."destinationCountry"
    FROM "Allegation" a
    JOIN ${SUPPORT_VIEW} s ON s."allegationId" = a.id AND s."matterId" = a."matterId"
    LEFT JOIN "DataTransfer" dt ON dt."allegationId" = a.id
    WHERE a."matterId" = ${matterId}::uuid AND a."withdrawnAt" IS NULL
      AND (${q.status ?? null}::text IS NULL OR s.status = ${q.status ?? null})
      AND (${after?.[0] ?? null}::int IS NULL OR (a."paragraphSortKey", a.id) > (${after?.[0] ?? 0}::int, ${after?.[1] ?? "00000000-0000-0000-0000-000000000000"}::uuid))
    ORDER BY a."paragraphSortKey", a.id
    LIMIT ${q.limit + 1}`;
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    allegations: page.map(({ sortKey: _sortKey, ...r }) => r),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}
