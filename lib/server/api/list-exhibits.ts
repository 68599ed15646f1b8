import "server-only";
import { batesRange, exhibitLabel } from "@/lib/bates/format";
import { ZExhibitListQuery } from "@/lib/schemas/api-v1";
import type { TExhibitPage } from "@/lib/schemas/api";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { decodeCursor, encodeCursor } from "@/lib/server/api/cursor";
import { requirePermission } from "@/lib/server/auth/policy";
import { listExhibitsOnMatter, type ExhibitRow } from "@/lib/server/exhibits/list-exhibits";
import { searchExhibitRowsOnMatter, type SearchHit } from "@/lib/server/exhibits/search-exhibits";

// The Exhibits page for scripts: the same filters and the same list, a page at a time after the
// last exhibit number (keyset). With q, the exhibits the page's full-text search finds (its best
// ranked hits), each with the place it matched best, still in number order so the cursor holds.
// Privileged exhibits are listed to the whole team with their designation, as on the page.
export async function listExhibitsForApi(actor: Actor, matterId: string, query: unknown): Promise<TExhibitPage> {
  const access = await requirePermission(actor, matterId, "matter.read");
  const { cursor, limit, ...filters } = parseInput(ZExhibitListQuery, query);
  const after = decodeCursor(cursor, ["int"] as const);
  let rows: ExhibitRow[];
  let batesPrefix: string;
  let best: Map<string, SearchHit> | null = null;
  if (filters.q) {
    // The search reads the exhibits' rows with its hits (one statement); each exhibit is listed
    // once, with its best hit, in number order after the cursor.
    best = new Map();
    const listed = new Map<string, ExhibitRow>();
    for (const { hit, row } of await searchExhibitRowsOnMatter(access, filters)) {
      if (best.has(hit.exhibitId) || (after && row.number <= after[0])) continue;
      best.set(hit.exhibitId, hit);
      listed.set(hit.exhibitId, row);
    }
    rows = [...listed.values()].sort((a, b) => a.number - b.number).slice(0, limit + 1);
    batesPrefix = rows[0]?.batesPrefix ?? "";
  } else {
    ({ rows, batesPrefix } = await listExhibitsOnMatter(access, filters, { afterNumber: after?.[0], limit: limit + 1 }));
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    exhibits: page.map((r) => {
      const hit = best?.get(r.id);
      return {
        id: r.id,
        label: exhibitLabel(r.prefix, r.number),
        title: r.title,
        kind: r.kind as TExhibitPage["exhibits"][number]["kind"],
        originalFilename: r.originalFilename,
        size: Number(r.size),
        confidentiality: r.confidentiality as TExhibitPage["exhibits"][number]["confidentiality"],
        privilege: r.privilege as TExhibitPage["exhibits"][number]["privilege"],
        extractionStatus: r.extractionStatus,
        bates: batesRange(batesPrefix, r.batesStart, r.batesEnd) || null,
        pageCount: r.pageCount,
        linkCount: r.linkCount,
        createdAt: r.createdAt.toISOString(),
        match: hit ? { page: hit.page, unit: hit.unit, snippet: hit.snippet } : null,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor([last.number]) : null,
  };
}
