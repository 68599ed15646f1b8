import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/schemas/parse";
import { ZExhibitFilters } from "@/lib/schemas/exhibit";
import type { Actor } from "@/lib/server/auth/actor";
import { requireMatterAccess } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { filterSql } from "@/lib/server/exhibits/exhibit-filters";

export type SearchHit = {
  exhibitId: string;
  prefix: string;
  number: number;
  title: string;
  kind: string;
  page: number;
  // Paginated originals (PDF) have real page numbers; text files are split into parts.
  paginated: boolean;
  // Highlighted words are wrapped in \u0001 … \u0002 (the UI renders them as <mark>).
  snippet: string;
  rank: number;
};

const LIMIT = 50;

// Full-text search over extracted pages (tsvector + GIN), ranked, with a highlighted snippet
// and the page it was found on. ts_headline runs only on the page of hits returned.
export async function searchExhibits(actor: Actor, matterId: string, input: unknown): Promise<SearchHit[]> {
  await requireMatterAccess(actor, matterId);
  const filters = parseInput(ZExhibitFilters, input);
  const q = filters.q?.trim();
  if (!q) return [];
  return db.$queryRaw<SearchHit[]>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq),
    hits AS (
      SELECT p."exhibitId", p.page, ts_rank_cd(p.tsv, query.tsq) AS rank
      FROM "ExhibitPage" p JOIN "Exhibit" e ON e.id = p."exhibitId", query
      WHERE p.tsv @@ query.tsq AND ${filterSql(matterId, filters)}
      ORDER BY rank DESC, p."exhibitId", p.page
      LIMIT ${LIMIT}
    )
    SELECT e.id AS "exhibitId", e.prefix, e.number, e.title, e.kind::text, h.page, h.rank::float8 AS rank,
           (e."pageCount" IS NOT NULL) AS paginated,
           ts_headline('english', p.text, query.tsq,
             ${Prisma.raw(`'StartSel=${"\u0001"}, StopSel=${"\u0002"}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`)}) AS snippet
    FROM hits h JOIN "Exhibit" e ON e.id = h."exhibitId"
      JOIN "ExhibitPage" p ON p."exhibitId" = h."exhibitId" AND p.page = h.page, query
    ORDER BY h.rank DESC, e.number, h.page`;
}
