import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/schemas/parse";
import { ZExhibitFilters } from "@/lib/schemas/exhibit";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { pageFilterSql } from "@/lib/server/exhibits/exhibit-filters";
import { parseSearchQuery, toTsQuery } from "@/lib/search/boolean-query";

export type SearchHit = {
  exhibitId: string;
  prefix: string;
  number: number;
  title: string;
  kind: string;
  page: number;
  // What a page is in this exhibit: a PDF's real page, a spreadsheet's sheet, a presentation's
  // slide, or a part of a long text (extract-exhibit-text.ts makes the pages).
  unit: "page" | "sheet" | "slide" | "part";
  // Highlighted words are wrapped in \u0001 … \u0002 (the UI renders them as <mark>).
  snippet: string;
  rank: number;
};

const LIMIT = 50;
// Ranking reads every matching page's positions; a word on nearly every page of a large matter
// would rank them all. Past this many matches the best of the first CANDIDATES are shown (the
// page says so and asks for a narrower query).
export const SEARCH_CANDIDATES = 400;
const CANDIDATES = SEARCH_CANDIDATES;

// Why snippets split hosts, URLs and e-mail addresses: a page is found through its text AND its
// hidden host terms (text-pages.ts: "alog.umeng.com" is indexed as itself, as "umeng.com" and as
// "umeng"), but ts_headline reads the text alone, where PostgreSQL's parser sees one host token
// that matches neither "umeng" nor "umeng.com". With no match to show it fell back to the page's
// first words, so a hit on a host deep in a capture showed a snippet without the term. For the
// snippet only, the page and the query are both written with '.', '/' and '@' as separators
// (control characters the stored text cannot hold: cleanText), so every label is a word that the
// query's words and phrases can match; the characters are put back afterwards, and neighbouring
// highlighted labels are joined into one highlight ("alog.umeng.com"). Ranking still reads the tsv.
const SPLIT_FROM = "./@";
const SPLIT_TO = "\u0003\u0004\u0005";

function splitForSnippet(word: string): string {
  let out = "";
  for (const c of word) {
    const i = SPLIT_FROM.indexOf(c);
    out += i < 0 ? c : SPLIT_TO[i];
  }
  return out;
}

// Full-text search over extracted pages (tsvector + GIN), ranked, with a highlighted snippet
// and the page it was found on. ts_headline runs only on the hits returned. Candidates come
// from the pages' own copies of matter, kind and designation, which share one GIN index with
// the tsvector: a filter narrows the index scan instead of discarding pages one by one.
export async function searchExhibits(actor: Actor, matterId: string, input: unknown): Promise<SearchHit[]> {
  await requirePermission(actor, matterId, "matter.read");
  const filters = parseInput(ZExhibitFilters, input);
  const q = filters.q?.trim();
  if (!q) return [];
  // The schema has refused a malformed query already; null is a query of punctuation alone.
  const parsed = parseSearchQuery(q);
  if (!parsed) return [];
  // The compiled text is a bind parameter: every word in it is a quoted operand (boolean-query.ts).
  const tsq = toTsQuery(parsed);
  const headlineTsq = toTsQuery(parsed, splitForSnippet);
  return db.$queryRaw<SearchHit[]>`
    WITH query AS (SELECT to_tsquery('english', ${tsq}) AS tsq,
                          to_tsquery('english', ${headlineTsq}) AS headline_tsq),
    matched AS MATERIALIZED (
      SELECT p."exhibitId", p.page, p.tsv
      FROM "ExhibitPage" p, query
      WHERE p.tsv @@ query.tsq AND ${pageFilterSql(matterId, filters)}
      LIMIT ${CANDIDATES}
    ),
    hits AS (
      SELECT m."exhibitId", m.page, ts_rank_cd(m.tsv, query.tsq) AS rank
      FROM matched m, query
      ORDER BY rank DESC, m."exhibitId", m.page
      LIMIT ${LIMIT}
    )
    SELECT e.id AS "exhibitId", e.prefix, e.number, e.title, e.kind::text, h.page, h.rank::float8 AS rank,
           CASE WHEN e."pageCount" IS NOT NULL THEN 'page'
                WHEN e."detectedType" = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' THEN 'sheet'
                WHEN e."detectedType" = 'application/vnd.openxmlformats-officedocument.presentationml.presentation' THEN 'slide'
                ELSE 'part' END AS unit,
           translate(regexp_replace(
             ts_headline('english', translate(p.text, ${SPLIT_FROM}, ${SPLIT_TO}), query.headline_tsq,
               ${Prisma.raw(`'StartSel=${"\u0001"}, StopSel=${"\u0002"}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`)}),
             ${`\u0002([${SPLIT_TO}])\u0001`}, ${"\\1"}, 'g'), ${SPLIT_TO}, ${SPLIT_FROM}) AS snippet
    FROM hits h JOIN "Exhibit" e ON e.id = h."exhibitId"
      JOIN "ExhibitPage" p ON p."exhibitId" = h."exhibitId" AND p.page = h.page, query
    ORDER BY h.rank DESC, e.number, h.page`;
}
