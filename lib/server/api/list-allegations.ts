import "server-only";
import { parseInput } from "@/lib/schemas/parse";
import { ZAllegationListQuery } from "@/lib/schemas/api-v1";
import type { SupportStatus } from "@/lib/ledger/support-status";
import { preparedRows, type PreparedStatement } from "@/lib/server/db";
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

// Prepared statements (db.ts: planned once per connection): scripts page through this list. The
// first page and the pages after a cursor are two statements, so that the cursor is always an
// index condition, never a filter a plan kept for every call would have to apply row by row.
const SELECT = `
  SELECT a.id::text AS id, a."paragraphLabel" AS paragraph, a."paragraphSortKey" AS "sortKey", a.kind::text AS kind, a.text,
    s.status, (s."supportsOpen" + s."supportsPrivileged")::int AS supports, s.contradicts::int AS contradicts,
    a."flagSeverity" IS NOT NULL AS flagged, dt."destinationHost", dt."recipientOrg", dt."destinationCountry"
  FROM "Allegation" a
  JOIN ${SUPPORT_VIEW.text} s ON s."allegationId" = a.id AND s."matterId" = a."matterId"
  LEFT JOIN "DataTransfer" dt ON dt."allegationId" = a.id
  WHERE a."matterId" = $1::uuid AND a."withdrawnAt" IS NULL AND ($2::text IS NULL OR s.status = $2::text)`;
const FIRST_PAGE: PreparedStatement = { name: "api_allegations_first", text: `${SELECT} ORDER BY a."paragraphSortKey", a.id LIMIT $3` };
const AFTER_CURSOR: PreparedStatement = {
  name: "api_allegations_after",
  text: `${SELECT} AND (a."paragraphSortKey", a.id) > ($4::int, $5::uuid) ORDER BY a."paragraphSortKey", a.id LIMIT $3`,
};

// The ledger for scripts: each live allegation with its derived support status, in complaint
// order, a page at a time (keyset on the ¶ sort key and id). Withdrawn ones are not pleaded.
export async function listAllegationsForApi(actor: Actor, matterId: string, query: unknown) {
  await requirePermission(actor, matterId, "matter.read");
  const q = parseInput(ZAllegationListQuery, query);
  const after = decodeCursor(q.cursor, ["int", "uuid"] as const);
  const rows = after
    ? await preparedRows<Row>(AFTER_CURSOR, [matterId, q.status ?? null, q.limit + 1, after[0], after[1]])
    : await preparedRows<Row>(FIRST_PAGE, [matterId, q.status ?? null, q.limit + 1]);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    allegations: page.map(({ sortKey: _sortKey, ...r }) => r),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}
