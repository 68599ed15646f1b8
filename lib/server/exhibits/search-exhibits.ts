import "server-only";
import { LRUCache } from "lru-cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/schemas/parse";
import { ZExhibitFilters, type TExhibitFilters } from "@/lib/schemas/exhibit";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission, type MatterAccess } from "@/lib/server/auth/policy";
import { plannedSqlRows } from "@/lib/server/db";
import { filterSql, pageFilterSql } from "@/lib/server/exhibits/exhibit-filters";
import { exhibitRowColumns, type ExhibitRow } from "@/lib/server/exhibits/list-exhibits";
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
  // Highlighted words are wrapped in \u0001 … \u0002 (the UI renders them as <mark>). For a
  // number or title match: the title (and description), highlighted where the words matched.
  snippet: string;
  rank: number;
  // Why it is listed: its number ("PX-0006", "6"), words of its title or description (one hit
  // per exhibit, page 1), or words on a page of its text. Hits come in that order.
  matchedOn: "number" | "title" | "text";
};

// A row of the search statement: a hit, its section (0: number or title, 1: text) and either its
// snippet (title hits) or its page's text hash (text hits, whose snippets are cached).
type SearchRow = Omit<SearchHit, "snippet"> & { section: 0 | 1; snippet: string | null; textHash: string | null };

const LIMIT = 50;
// Number and title matches come first, at most this many, before the text hits.
const METADATA_LIMIT = 20;

// "PX-0006", "px6", "PX 6", "#6" or "6": the number after an optional prefix.
const NUMBER_QUERY = /^(?:([A-Za-z]{1,10})[-\s]?)?#?0*(\d{1,9})$/;

export function parseExhibitNumber(q: string): { prefix: string | null; number: number } | null {
  const m = NUMBER_QUERY.exec(q.trim());
  if (!m) return null;
  const number = Number(m[2]);
  return number > 0 && number <= 2_147_483_647 ? { prefix: m[1] ? m[1].toUpperCase() : null, number } : null;
}
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
// Before the text hits come the exhibits found by number or by the words of their title and
// description (the same syntax, over the exhibit's own words), ranked above any page of text.
export async function searchExhibits(actor: Actor, matterId: string, input: unknown): Promise<SearchHit[]> {
  const access = await requirePermission(actor, matterId, "matter.read");
  return searchExhibitsOnMatter(access, parseInput(ZExhibitFilters, input));
}

// The search itself, for a use case that has checked the actor's access already (the JSON API's
// exhibit list searches and lists under one check).
export async function searchExhibitsOnMatter(access: MatterAccess, filters: TExhibitFilters): Promise<SearchHit[]> {
  const statement = searchStatement(access.matterId, filters);
  if (!statement) return [];
  const rows = await plannedSqlRows<SearchRow>(statement.sql);
  return (await withSnippets(rows, statement.headlineTsq)).map((found) => found.hit);
}

// The same search, each hit with its exhibit's row as the Exhibits list shows it (list-exhibits.ts),
// read in the same statement: the JSON API's exhibit list with q.
export async function searchExhibitRowsOnMatter(access: MatterAccess, filters: TExhibitFilters): Promise<{ hit: SearchHit; row: ExhibitRow }[]> {
  const statement = searchStatement(access.matterId, filters);
  if (!statement) return [];
  const rows = await plannedSqlRows<SearchRow & ExhibitRow>(Prisma.sql`
    SELECT found.*, ${exhibitRowColumns(access.matterId)}
    FROM (${statement.sql}) found
      JOIN "Exhibit" e ON e.id = found."exhibitId" JOIN "Blob" b ON b.sha256 = e."blobSha256"
    ORDER BY found.section, found.ord`);
  return withSnippets(rows, statement.headlineTsq);
}

// The search statement for a query, or null when there is nothing to search for.
function searchStatement(matterId: string, filters: TExhibitFilters): { sql: Prisma.Sql; headlineTsq: string } | null {
  const q = filters.q?.trim();
  if (!q) return null;
  // The schema has refused a malformed query already; null is a query of punctuation alone.
  const parsed = parseSearchQuery(q);
  if (!parsed) return null;
  // The compiled text is a bind parameter: every word in it is a quoted operand (boolean-query.ts).
  const tsq = toTsQuery(parsed);
  const headlineTsq = toTsQuery(parsed, splitForSnippet);
  const asNumber = parseExhibitNumber(q);
  const numberSql = asNumber
    ? asNumber.prefix
      ? Prisma.sql`(e.number = ${asNumber.number}::int AND upper(e.prefix) = ${asNumber.prefix}::text)`
      : Prisma.sql`e.number = ${asNumber.number}::int`
    : Prisma.sql`FALSE`;
  const unit = Prisma.sql`CASE WHEN e."pageCount" IS NOT NULL THEN 'page'
                WHEN e."detectedType" = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' THEN 'sheet'
                WHEN e."detectedType" = 'application/vnd.openxmlformats-officedocument.presentationml.presentation' THEN 'slide'
                ELSE 'part' END`;
  // One statement, one round trip (planned for its values on every call: db.ts), for both
  // kinds of hit: first the exhibits found by number or by the words of their title and
  // description, then the pages of text. A query of exclusions alone ("-draft") would match every
  // title: a title counts only when some word of the query is in it (a positive rank). Text hits
  // carry their page's text hash for the snippet cache; title hits carry their snippet.
  const sql = Prisma.sql`
    WITH query AS (SELECT to_tsquery('english', ${tsq}::text) AS tsq),
    by_metadata AS (
      SELECT e.id, e.prefix, e.number, e.title, e.kind, ${unit} AS unit,
             e.title || COALESCE(' — ' || NULLIF(e.description, ''), '') AS words,
             ${numberSql} AS by_number,
             ts_rank_cd(to_tsvector('english', e.title || ' ' || COALESCE(e.description, '')), query.tsq) AS title_rank
      FROM "Exhibit" e, query
      WHERE ${filterSql(matterId, filters)}
        -- The query is written out here (not read from the CTE) so that the planner can take the
        -- matching exhibits from the title-and-description index (migration exhibit_metadata_search).
        AND (${numberSql} OR to_tsvector('english', e.title || ' ' || COALESCE(e.description, '')) @@ to_tsquery('english', ${tsq}::text))
    ),
    metadata_hits AS (
      SELECT c.*, row_number() OVER (ORDER BY c.by_number DESC, c.title_rank DESC, c.number) AS ord
      FROM by_metadata c
      WHERE c.by_number OR c.title_rank > 0
      ORDER BY ord
      LIMIT ${METADATA_LIMIT}::int
    ),
    matched AS MATERIALIZED (
      SELECT p."exhibitId", p.page, p.tsv
      FROM "ExhibitPage" p, query
      WHERE p.tsv @@ query.tsq AND ${pageFilterSql(matterId, filters)}
      LIMIT ${CANDIDATES}::int
    ),
    text_hits AS (
      SELECT m."exhibitId", m.page, ts_rank_cd(m.tsv, query.tsq) AS rank
      FROM matched m, query
      ORDER BY rank DESC, m."exhibitId", m.page
      LIMIT ${LIMIT}::int
    )
    SELECT * FROM (
      SELECT c.id AS "exhibitId", c.prefix, c.number, c.title, c.kind::text AS kind, 1 AS page, c.unit,
             c.title_rank::float8 AS rank, CASE WHEN c.by_number THEN 'number' ELSE 'title' END AS "matchedOn",
             ts_headline('english', c.words, query.tsq,
               ${Prisma.raw(`'StartSel=${"\u0001"}, StopSel=${"\u0002"}, HighlightAll=true'`)}) AS snippet,
             NULL::text AS "textHash", 0 AS section, c.ord
      FROM metadata_hits c, query
      UNION ALL
      SELECT e.id, e.prefix, e.number, e.title, e.kind::text, h.page, ${unit},
             h.rank::float8, 'text', NULL::text,
             encode(sha256(convert_to(p.text, 'UTF8')), 'hex'), 1,
             row_number() OVER (ORDER BY h.rank DESC, e.number, h.page)
      FROM text_hits h JOIN "Exhibit" e ON e.id = h."exhibitId"
        JOIN "ExhibitPage" p ON p."exhibitId" = h."exhibitId" AND p.page = h.page
    ) found
    ORDER BY section, ord`;
  return { sql, headlineTsq };
}

// Each row as a hit, text hits with their snippets. Hits are built field by field: object rest
// and spread on every row cost more than the statement.
async function withSnippets<R extends SearchRow>(rows: R[], headlineTsq: string): Promise<{ hit: SearchHit; row: R }[]> {
  const hit = (r: SearchRow, snippet: string): SearchHit => ({
    exhibitId: r.exhibitId,
    prefix: r.prefix,
    number: r.number,
    title: r.title,
    kind: r.kind,
    page: r.page,
    unit: r.unit,
    snippet,
    rank: r.rank,
    matchedOn: r.matchedOn,
  });
  const text = rows.filter((r) => r.section === 1);
  const snippets = await snippetsFor(text, headlineTsq);
  const found: { hit: SearchHit; row: R }[] = [];
  for (const r of rows) {
    if (r.section === 0) found.push({ hit: hit(r, r.snippet ?? ""), row: r });
    else {
      // (A page deleted between the two reads has no snippet and is left out.)
      const snippet = snippets.get(snippetKey(r.textHash!, headlineTsq));
      if (snippet !== undefined) found.push({ hit: hit(r, snippet), row: r });
    }
  }
  return found;
}

// A snippet is ts_headline of a page's text for a query: the same text and the same query give
// the same snippet, and computing one (parsing the whole page) is most of a search's database
// time. So snippets are kept here, keyed by the text's SHA-256 and the query, and only the hits
// not seen before are sent to ts_headline. Re-extracted text has another hash; nothing goes stale.
// (SHA-256, not MD5: pages of different matters share this cache, and two texts crafted to collide
// under MD5 could show one matter's snippet in another's results.)
const SNIPPETS = new LRUCache<string, string>({ maxSize: 8 * 1024 * 1024, sizeCalculation: (v, k) => v.length + k.length });
// For benches that measure a search whose snippets were never computed (bench/search.ts).
export function forgetSnippets(): void {
  SNIPPETS.clear();
}
const snippetKey = (textHash: string, headlineTsq: string) => `${textHash}\u0000${headlineTsq}`;

async function snippetsFor(hits: readonly SearchRow[], headlineTsq: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const missing: { exhibitId: string; page: number }[] = [];
  for (const hit of hits) {
    const key = snippetKey(hit.textHash!, headlineTsq);
    const cached = SNIPPETS.get(key);
    if (cached !== undefined) found.set(key, cached);
    else if (!found.has(key)) missing.push(hit);
  }
  if (missing.length === 0) return found;
  const rows = await plannedSqlRows<{ textHash: string; snippet: string }>(Prisma.sql`
    WITH query AS (SELECT to_tsquery('english', ${headlineTsq}::text) AS headline_tsq)
    SELECT encode(sha256(convert_to(p.text, 'UTF8')), 'hex') AS "textHash",
           translate(regexp_replace(
             ts_headline('english', translate(p.text, ${SPLIT_FROM}, ${SPLIT_TO}), query.headline_tsq,
               ${Prisma.raw(`'StartSel=${"\u0001"}, StopSel=${"\u0002"}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`)}),
             ${`\u0002([${SPLIT_TO}])\u0001`}, ${"\\1"}, 'g'), ${SPLIT_TO}, ${SPLIT_FROM}) AS snippet
    FROM "ExhibitPage" p, query
    WHERE (p."exhibitId", p.page) IN (SELECT * FROM unnest(${missing.map((m) => m.exhibitId)}::uuid[], ${missing.map((m) => m.page)}::int[]))`);
  for (const row of rows) {
    const key = snippetKey(row.textHash, headlineTsq);
    SNIPPETS.set(key, row.snippet);
    found.set(key, row.snippet);
  }
  return found;
}
