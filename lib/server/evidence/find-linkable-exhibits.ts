import "server-only";
import { isAppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import { ZFindLinkableExhibits } from "@/lib/schemas/exhibit";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { searchExhibits } from "@/lib/server/exhibits/search-exhibits";

export type LinkableMatch = {
  id: string;
  label: string;
  title: string;
  privileged: boolean;
  // Why it is listed: its number, its title, or words found on a page of its text.
  matchedOn: "number" | "title" | "text" | "all";
  // From a text match: where the words were found, highlighted with \u0001 … \u0002.
  page?: number;
  snippet?: string;
};

const LIMIT = 25;

// The link dialog's finder. Numbers first (what a lawyer types when they know the exhibit),
// then titles (the typed text inside the title), then the Exhibits page's search — its number,
// title-and-description words and full-text hits, in that order; one row per exhibit. Without a query it offers the newest exhibits, which is usually the one just uploaded.
export async function findLinkableExhibits(actor: Actor, matterId: string, input: unknown): Promise<LinkableMatch[]> {
  await requirePermission(actor, matterId, "matter.read");
  const q = parseInput(ZFindLinkableExhibits, input).q ?? "";
  const select = { id: true, prefix: true, number: true, title: true, privilege: true } as const;
  const row = (x: { id: string; prefix: string; number: number; title: string; privilege: string }, matchedOn: LinkableMatch["matchedOn"]): LinkableMatch => ({
    id: x.id,
    label: exhibitLabel(x.prefix, x.number),
    title: x.title,
    privileged: x.privilege !== "NONE",
    matchedOn,
  });

  if (!q) {
    const newest = await db.exhibit.findMany({ where: { matterId }, orderBy: { number: "desc" }, take: LIMIT, select });
    return newest.map((x) => row(x, "all"));
  }

  const out = new Map<string, LinkableMatch>();
  // "PX-0012", "px12", "#12" or "12": the number after an optional prefix.
  const numberMatch = /^(?:[A-Za-z]{1,10}[-\s]?)?#?0*(\d{1,9})$/.exec(q);
  if (numberMatch) {
    const number = Number(numberMatch[1]);
    for (const x of await db.exhibit.findMany({ where: { matterId, number }, select })) out.set(x.id, row(x, "number"));
  }
  const byTitle = await db.exhibit.findMany({
    where: { matterId, title: { contains: q, mode: "insensitive" } },
    orderBy: { number: "asc" },
    take: LIMIT,
    select,
  });
  for (const x of byTitle) if (!out.has(x.id)) out.set(x.id, row(x, "title"));
  if (out.size < LIMIT) {
    // A title typed into the picker ("Capture (April") need not be valid search syntax: the
    // number and title matches above still answer.
    const hits = await searchExhibits(actor, matterId, { q }).catch((error: unknown) => {
      if (isAppError(error) && error.code === "VALIDATION") return [];
      throw error;
    });
    const privilege = new Map(
      (await db.exhibit.findMany({ where: { matterId, id: { in: hits.map((h) => h.exhibitId) } }, select: { id: true, privilege: true } })).map((x) => [x.id, x.privilege]),
    );
    for (const h of hits) {
      if (out.size >= LIMIT) break;
      if (out.has(h.exhibitId)) continue;
      out.set(h.exhibitId, {
        id: h.exhibitId,
        label: exhibitLabel(h.prefix, h.number),
        title: h.title,
        privileged: (privilege.get(h.exhibitId) ?? "NONE") !== "NONE",
        matchedOn: h.matchedOn,
        // A title match ("capture april" in "Capture (April 2019)") shows no page.
        ...(h.matchedOn === "text" ? { page: h.page, snippet: h.snippet } : {}),
      });
    }
  }
  return [...out.values()].slice(0, LIMIT);
}
