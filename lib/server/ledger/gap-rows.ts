import "server-only";
import type { AllegationKind, FlagSeverity } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { SupportStatus } from "@/lib/ledger/support-status";
import type { GapCursor } from "@/lib/schemas/gap-report";
import { SUPPORT_VIEW } from "@/lib/server/ledger/support-status";

// The queries behind the gap report, its CSV and its API. Scoped by matter; the callers are use
// cases that have authorised the actor on that matter first.
//
// A gap is an allegation whose derived status is not SUPPORTED (PARTIAL included: privileged or
// weak support cannot carry it at trial) or that a person flagged. Both parts are columns of the
// support view, so a page walks the view in complaint order (the (matterId, paragraphSortKey)
// index under it) and stops at its LIMIT; the wide parts (text, elements, open requests) are read
// for the page's rows only.

export type GapRequest = { description: string; assignee: string | null; dueOn: string | null; overdue: boolean };
export type GapRow = {
  id: string;
  paragraph: number;
  paragraphLabel: string;
  sortKey: number;
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

// Gaps by status (byStatus sums to gaps: a flagged allegation whose status is SUPPORTED is a gap
// for its flag alone) and how many of them a person flagged.
export type GapTotals = { gaps: number; byStatus: Record<SupportStatus, number>; flagged: number };

// A withdrawn allegation (dropped by an amended complaint) is no gap: it is no longer alleged.
const GAP = Prisma.sql`(NOT s.withdrawn AND (s.status <> 'SUPPORTED' OR s.flagged))`;

export async function readGapTotals(matterId: string): Promise<GapTotals> {
  // Grouped rather than count(*) FILTER per status: the status is a CASE in the view, and each
  // FILTER would evaluate it again for every row.
  const groups = await db.$queryRaw<{ status: SupportStatus; flagged: boolean; n: number }[]>`
    SELECT s.status, s.flagged, count(*)::int AS n
    FROM ${SUPPORT_VIEW} s
    WHERE s."matterId" = ${matterId}::uuid AND ${GAP}
    GROUP BY s.status, s.flagged`;
  const totals: GapTotals = { gaps: 0, byStatus: { SUPPORTED: 0, PARTIAL: 0, UNSUPPORTED: 0, CONTRADICTED: 0 }, flagged: 0 };
  for (const g of groups) {
    totals.gaps += g.n;
    totals.byStatus[g.status] += g.n;
    if (g.flagged) totals.flagged += g.n;
  }
  return totals;
}

// How far a page walks the complaint before it stops counting on the walk: 20 allegations per
// row wanted, so a report with at least one gap in 20 allegations is served by the walk alone.
const WALK_PER_ROW = 20;

// One page in complaint order: the `limit` gaps after `after`, or the `limit` gaps before
// `before` (still returned in complaint order), and whether more lie beyond the far end.
//
// The page walks the support view in complaint order and stops at the rows it wants (found):
// where gaps are common that is a few hundred index entries whatever the matter's size. Where
// they are rare (a matter nearly proven: 40 gaps in 20,000) that walk would probe every
// allegation's link counts one at a time, so it is cut off after WALK_PER_ROW allegations per row
// wanted, and only then (rest, gated on found falling short) the gaps past the cursor are
// computed as a set, one hash join, and sorted. The planner cannot tell the two cases apart (it
// cannot estimate the view's CASE), hence the two spelled out.
export async function readGapPage(matterId: string, page: { after?: GapCursor; before?: GapCursor; limit: number }): Promise<{ rows: GapRow[]; more: boolean }> {
  const backward = page.before !== undefined;
  const from = page.before ?? page.after;
  const want = page.limit + 1;
  const keyset = from
    ? backward
      ? Prisma.sql`AND (s."paragraphSortKey", s."allegationId") < (${from.sortKey}::int, ${from.id}::uuid)`
      : Prisma.sql`AND (s."paragraphSortKey", s."allegationId") > (${from.sortKey}::int, ${from.id}::uuid)`
    : Prisma.empty;
  const order = backward ? Prisma.sql`s."paragraphSortKey" DESC, s."allegationId" DESC` : Prisma.sql`s."paragraphSortKey", s."allegationId"`;
  const keyOrder = backward ? Prisma.sql`"sortKey" DESC, id DESC` : Prisma.sql`"sortKey", id`;
  const outerOrder = backward ? Prisma.sql`p."sortKey" DESC, p.id DESC` : Prisma.sql`p."sortKey", p.id`;
  const rows = await db.$queryRaw<GapRow[]>`
    WITH found AS (
      SELECT id, "sortKey", status FROM (
        SELECT s."allegationId" AS id, s."paragraphSortKey" AS "sortKey", s.status, ${GAP} AS gap
        FROM ${SUPPORT_VIEW} s
        WHERE s."matterId" = ${matterId}::uuid ${keyset}
        ORDER BY ${order}
        LIMIT ${want * WALK_PER_ROW}
      ) walk
      WHERE gap
      ORDER BY ${keyOrder}
      LIMIT ${want}
    ), rest AS MATERIALIZED (
      SELECT s."allegationId" AS id, s."paragraphSortKey" AS "sortKey", s.status
      FROM ${SUPPORT_VIEW} s
      WHERE s."matterId" = ${matterId}::uuid AND ${GAP} ${keyset}
        AND (SELECT count(*) FROM found) < ${want}
    ), page AS (
      SELECT * FROM found WHERE (SELECT count(*) FROM found) = ${want}
      UNION ALL
      (SELECT * FROM rest ORDER BY ${keyOrder} LIMIT ${want})
    )
    SELECT p.id::text AS id, a.paragraph, a."paragraphLabel", p."sortKey", a.text, a.kind::text AS kind, p.status,
      a."flagSeverity"::text AS "flagSeverity", a."flagReason",
      dt."destinationHost", dt."destinationCountry",
      COALESCE(els.elements, ARRAY[]::text[]) AS elements,
      COALESCE(reqs.requests, '[]'::json) AS requests
    FROM page p
    JOIN "Allegation" a ON a.id = p.id
    LEFT JOIN "DataTransfer" dt ON dt."allegationId" = p.id
    LEFT JOIN LATERAL (
      SELECT array_agg(c.number || '.' || e.position ORDER BY c.number, e.position) AS elements
      FROM "AllegationElement" ae JOIN "Element" e ON e.id = ae."elementId" JOIN "Count" c ON c.id = e."countId"
      WHERE ae."allegationId" = p.id AND c."matterId" = ${matterId}::uuid
    ) els ON true
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object(
          'description', r.description, 'assignee', u.name, 'dueOn', to_char(r."dueOn", 'YYYY-MM-DD'),
          'overdue', r."dueOn" IS NOT NULL AND r."dueOn" < current_date) ORDER BY r."dueOn" NULLS LAST, r."createdAt") AS requests
      FROM "EvidenceRequest" r LEFT JOIN "User" u ON u.id = r."assigneeId"
      WHERE r."allegationId" = p.id AND r."matterId" = ${matterId}::uuid AND r.status = 'OPEN'
    ) reqs ON true
    ORDER BY ${outerOrder}`;
  const more = rows.length > page.limit;
  const kept = rows.slice(0, page.limit);
  return { rows: backward ? kept.reverse() : kept, more };
}

export const gapCursorOf = (r: Pick<GapRow, "sortKey" | "id">): GapCursor => ({ sortKey: r.sortKey, id: r.id });
