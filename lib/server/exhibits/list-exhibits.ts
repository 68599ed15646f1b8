import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/schemas/parse";
import { ZExhibitFilters, type TExhibitFilters } from "@/lib/schemas/exhibit";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission, type MatterAccess } from "@/lib/server/auth/policy";
import { preparedSqlRows } from "@/lib/server/db";
import { filterSql } from "@/lib/server/exhibits/exhibit-filters";

export type ExhibitRow = {
  id: string;
  prefix: string;
  number: number;
  title: string;
  kind: string;
  originalFilename: string;
  // Bytes, as PostgreSQL's bigint text (node-postgres reads int8 as a string: db.ts).
  size: string;
  confidentiality: string;
  privilege: string;
  extractionStatus: string;
  extractionError: string | null;
  batesStart: number | null;
  batesEnd: number | null;
  pageCount: number | null;
  createdAt: Date;
  linkCount: number;
  // The matter's, on every row (it labels the Bates range).
  batesPrefix: string;
};

// The Exhibits page reads the first 2,000; the JSON API reads a page at a time after an exhibit
// number (keyset). (A search reads its exhibits' rows itself: search-exhibits.ts.)
export type ExhibitListWindow = { afterNumber?: number; limit?: number };

export async function listExhibits(actor: Actor, matterId: string, input: unknown = {}, window: ExhibitListWindow = {}) {
  const access = await requirePermission(actor, matterId, "matter.read");
  return { ...(await listExhibitsOnMatter(access, parseInput(ZExhibitFilters, input), window)), access };
}

// The list itself, for a use case that has checked the actor's access already (the JSON API's
// exhibit list searches and lists under one check). One prepared statement per shape of filters
// (db.ts). The matter's Bates prefix comes on every row: it labels their Bates ranges.
export async function listExhibitsOnMatter(access: MatterAccess, filters: TExhibitFilters, window: ExhibitListWindow = {}) {
  const where = [filterSql(access.matterId, filters)];
  if (window.afterNumber !== undefined) where.push(Prisma.sql`e.number > ${window.afterNumber}::int`);
  const rows = await preparedSqlRows<ExhibitRow>(Prisma.sql`
    SELECT ${exhibitRowColumns(access.matterId)}
    FROM "Exhibit" e JOIN "Blob" b ON b.sha256 = e."blobSha256"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY e.number
    LIMIT ${window.limit ?? 2000}::int`);
  return { rows, batesPrefix: rows[0]?.batesPrefix ?? "" };
}

// An ExhibitRow's columns, over "Exhibit" e joined to its "Blob" b (the search reads them too).
export function exhibitRowColumns(matterId: string): Prisma.Sql {
  return Prisma.sql`e.id::text AS id, e.prefix, e.number, e.title, e.kind::text AS kind, e."originalFilename", b.size,
    e.confidentiality::text AS confidentiality, e.privilege::text AS privilege,
    e."extractionStatus"::text AS "extractionStatus", e."extractionError", e."batesStart", e."batesEnd", e."pageCount",
    e."createdAt", (SELECT m."batesPrefix" FROM "Matter" m WHERE m.id = ${matterId}::uuid) AS "batesPrefix",
    (SELECT count(*)::int FROM "EvidenceLink" l WHERE l."exhibitId" = e.id AND l."removedAt" IS NULL) AS "linkCount"`;
}
