import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AllegationKind, FlagSeverity, LinkRelation, Privilege } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { LEDGER_PAGE_SIZE, ZLedgerQuery, type TLedgerQuery } from "@/lib/server/ledger/ledger-filters";
import type { SupportStatus } from "@/lib/ledger/support-status";
import { SUPPORT_VIEW } from "@/lib/server/ledger/support-status";

export type LedgerRow = {
  id: string;
  paragraph: number;
  // The label as the complaint prints it ("41", "41a").
  label: string;
  text: string;
  kind: AllegationKind;
  flagSeverity: FlagSeverity | null;
  flagReason: string | null;
  withdrawnAt: Date | null;
  status: SupportStatus;
  supportsOpen: number;
  supportsPrivileged: number;
  contradicts: number;
  weak: boolean;
  destinationHost: string | null;
  destinationCountry: string | null;
  recipientOrg: string | null;
  openRequests: number;
  overdueRequests: number;
  elements: string[];
  total: number;
};

export type StatusLink = {
  allegationId: string;
  relation: LinkRelation;
  label: string;
  title: string;
  privilege: Privilege;
  pinCite: string | null;
};

// Worst first when sorting by status: what needs work comes to the top.
const STATUS_RANK = Prisma.sql`CASE s.status WHEN 'CONTRADICTED' THEN 0 WHEN 'UNSUPPORTED' THEN 1 WHEN 'PARTIAL' THEN 2 ELSE 3 END`;

export async function listLedger(actor: Actor, matterId: string, rawQuery: unknown) {
  await requirePermission(actor, matterId, "matter.read");
  const query = ZLedgerQuery.parse(rawQuery ?? {});
  const page = query.page ?? 1;
  const sort = query.sort ?? "paragraph";
  const where = whereClause(matterId, query);
  const dir = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const order = {
    paragraph: Prisma.sql`a."paragraphSortKey" ${dir}`,
    status: Prisma.sql`${STATUS_RANK} ${dir}, a."paragraphSortKey"`,
    kind: Prisma.sql`a.kind ${dir}, a."paragraphSortKey"`,
    country: Prisma.sql`dt."destinationCountry" ${dir} NULLS LAST, a."paragraphSortKey"`,
    requests: Prisma.sql`COALESCE(req.open, 0) ${dir}, a."paragraphSortKey"`,
    flag: Prisma.sql`a."flagSeverity" ${dir} NULLS LAST, a."paragraphSortKey"`,
  }[sort];

  // The page is chosen first, joining only what its filters and sort read (a plain page walks the
  // (matterId, paragraphSortKey) index) and counting in the same pass; the 100 rows are then filled in.
  const joins = Prisma.join(
    [
      query.status || sort === "status" ? Prisma.sql`JOIN ${SUPPORT_VIEW} s ON s."allegationId" = a.id AND s."matterId" = a."matterId"` : Prisma.empty,
      query.country || query.q || sort === "country" ? Prisma.sql`LEFT JOIN "DataTransfer" dt ON dt."allegationId" = a.id` : Prisma.empty,
      query.request || sort === "requests"
        ? Prisma.sql`LEFT JOIN (
            SELECT r."allegationId", count(*)::int AS open, (count(*) FILTER (WHERE r."dueOn" < current_date))::int AS overdue
            FROM "EvidenceRequest" r WHERE r."matterId" = ${matterId}::uuid AND r.status = 'OPEN' GROUP BY r."allegationId"
          ) req ON req."allegationId" = a.id`
        : Prisma.empty,
    ],
    " ",
  );
  const [pageIds, countries] = await Promise.all([
    db.$queryRaw<{ id: string; total: number }[]>`
      SELECT a.id::text AS id, (count(*) OVER ())::int AS total FROM "Allegation" a ${joins}
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${LEDGER_PAGE_SIZE} OFFSET ${(page - 1) * LEDGER_PAGE_SIZE}`,
    db.$queryRaw<{ code: string }[]>`
      SELECT DISTINCT dt."destinationCountry" AS code
      FROM "DataTransfer" dt JOIN "Allegation" a ON a.id = dt."allegationId"
      WHERE a."matterId" = ${matterId}::uuid AND dt."destinationCountry" IS NOT NULL${query.withdrawn === "show" ? Prisma.empty : Prisma.sql` AND a."withdrawnAt" IS NULL`}
      ORDER BY 1`,
  ]);
  const ids = pageIds.map((r) => r.id);
  // The rows and the links behind each shown status (so the table can say why without a second
  // page load), read together.
  const [found, links] = ids.length
    ? await Promise.all([
        db.$queryRaw<Omit<LedgerRow, "total">[]>`
        SELECT a.id::text AS id, a.paragraph, a."paragraphLabel" AS label, a.text, a.kind::text AS kind, a."flagSeverity"::text AS "flagSeverity", a."flagReason", a."withdrawnAt",
          s.status, s."supportsOpen", s."supportsPrivileged", s.contradicts, s.weak,
          dt."destinationHost", dt."destinationCountry", dt."recipientOrg",
          COALESCE(req.open, 0) AS "openRequests", COALESCE(req.overdue, 0) AS "overdueRequests",
          ARRAY(
            SELECT c.number || '.' || e.position
            FROM "AllegationElement" ae JOIN "Element" e ON e.id = ae."elementId" JOIN "Count" c ON c.id = e."countId"
            WHERE ae."allegationId" = a.id ORDER BY c.number, e.position
          ) AS elements
        FROM "Allegation" a
        JOIN ${SUPPORT_VIEW} s ON s."allegationId" = a.id AND s."matterId" = a."matterId"
        LEFT JOIN "DataTransfer" dt ON dt."allegationId" = a.id
        LEFT JOIN LATERAL (
          SELECT count(*)::int AS open, (count(*) FILTER (WHERE r."dueOn" < current_date))::int AS overdue
          FROM "EvidenceRequest" r WHERE r."allegationId" = a.id AND r."matterId" = a."matterId" AND r.status = 'OPEN'
        ) req ON true
        WHERE a."matterId" = ${matterId}::uuid AND a.id = ANY(${ids}::uuid[]) AND s."allegationId" = ANY(${ids}::uuid[])`,
        db.$queryRaw<StatusLink[]>`
        SELECT el."allegationId"::text AS "allegationId", el.relation::text AS relation,
          x.prefix || '-' || lpad(x.number::text, 4, '0') AS label, x.title, x.privilege::text AS privilege, el."pinCite"
        FROM "EvidenceLink" el JOIN "Exhibit" x ON x.id = el."exhibitId"
        WHERE el."allegationId" = ANY(${ids}::uuid[]) AND el."removedAt" IS NULL AND el.relation <> 'CONTEXT'
        ORDER BY el."allegationId", el.relation, x.number`,
      ])
    : [[], []];
  const byId = new Map(found.map((r) => [r.id, r]));
  // A page past the end shows no rows and a total of 0, as it always has.
  const total = pageIds[0]?.total ?? 0;
  const rows: LedgerRow[] = ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...r, total }] : [];
  });

  const linksByAllegation = new Map<string, StatusLink[]>();
  for (const l of links) linksByAllegation.set(l.allegationId, [...(linksByAllegation.get(l.allegationId) ?? []), l]);

  return {
    query,
    countries: countries.map((c) => c.code),
    page,
    pageSize: LEDGER_PAGE_SIZE,
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => ({ ...r, statusLinks: linksByAllegation.get(r.id) ?? [] })),
  };
}

function whereClause(matterId: string, q: TLedgerQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`a."matterId" = ${matterId}::uuid`];
  if (q.withdrawn !== "show") parts.push(Prisma.sql`a."withdrawnAt" IS NULL`);
  if (q.status) parts.push(Prisma.sql`s.status = ${q.status}`);
  if (q.kind) parts.push(Prisma.sql`a.kind = ${q.kind}::"AllegationKind"`);
  if (q.flagged === "yes") parts.push(Prisma.sql`a."flagSeverity" IS NOT NULL`);
  if (q.flagged === "no") parts.push(Prisma.sql`a."flagSeverity" IS NULL`);
  if (q.request === "open") parts.push(Prisma.sql`req.open > 0`);
  if (q.request === "overdue") parts.push(Prisma.sql`req.overdue > 0`);
  if (q.request === "none") parts.push(Prisma.sql`req.open IS NULL`);
  if (q.country) parts.push(Prisma.sql`dt."destinationCountry" = ${q.country}`);
  if (q.element) {
    const [type, id] = q.element.split(":");
    parts.push(
      type === "count"
        ? Prisma.sql`EXISTS (SELECT 1 FROM "AllegationElement" ae JOIN "Element" e ON e.id = ae."elementId" WHERE ae."allegationId" = a.id AND e."countId" = ${id}::uuid)`
        : Prisma.sql`EXISTS (SELECT 1 FROM "AllegationElement" ae WHERE ae."allegationId" = a.id AND ae."elementId" = ${id}::uuid)`,
    );
  }
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const paragraph = /^¶?\s*(\d{1,6})$/.exec(q.q)?.[1];
    parts.push(
      Prisma.sql`(a.text ILIKE ${like} OR dt."destinationHost" ILIKE ${like} OR dt."recipientOrg" ILIKE ${like} OR dt.sdk ILIKE ${like}${
        paragraph ? Prisma.sql` OR a.paragraph = ${Number(paragraph)}` : Prisma.empty
      })`,
    );
  }
  return Prisma.join(parts, " AND ");
}
