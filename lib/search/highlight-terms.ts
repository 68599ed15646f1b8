import { parseSearchQuery, positiveTerms } from "@/lib/search/boolean-query";

// What a viewer highlights for a search query. Search itself runs in PostgreSQL (the query compiled
// by boolean-query.ts to a tsquery with English stemming, search-exhibits.ts); a viewer only has
// the page's text, so it looks for the query's words and quoted phrases literally, as stems:
// "transfers" also marks "transferred", and "umeng" marks the label inside "alog.umeng.com". A
// prefix ("transf*") marks the words it starts; words under NOT or a minus, and the operators,
// name nothing to mark.

const SUFFIXES = /(?:ing|ed|es|s)$/;

function stem(word: string): string {
  const w = word.toLowerCase();
  return w.length > 4 ? w.replace(SUFFIXES, "") : w;
}

export function highlightTerms(query: string): string[] {
  let parsed;
  try {
    parsed = parseSearchQuery(query);
  } catch {
    return looseTerms(query);
  }
  const terms = new Set<string>();
  for (const t of positiveTerms(parsed)) {
    if (t.kind === "prefix") terms.add(t.text.toLowerCase());
    else if (t.kind === "word") terms.add(stem(t.text));
    // A phrase is marked as typed, its last word as a stem.
    else terms.add([...t.words.slice(0, -1).map((w) => w.toLowerCase()), stem(t.words.at(-1)!)].join(" "));
  }
  return [...terms];
}

// A query the search syntax refuses (a link typed by hand, an unfinished phrase) still marks its words.
function looseTerms(query: string): string[] {
  const terms = new Set<string>();
  const tokens = query.match(/-?"[^"]*"?|\S+/g) ?? [];
  for (const token of tokens) {
    if (token.startsWith("-")) continue;
    if (token.startsWith('"')) {
      const words = token.replace(/"/g, " ").trim().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      terms.add([...words.slice(0, -1).map((w) => w.toLowerCase()), stem(words.at(-1)!)].join(" "));
      continue;
    }
    if (/^(?:or|and|not)$/i.test(token)) continue;
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (word) terms.add(stem(word));
  }
  return [...terms];
}

export type TextPiece = { text: string; match: boolean };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Splits text into plain and matching pieces (case-insensitive); a match runs to the end of its
// word, so a stem marks the whole word it starts.
export function splitOnTerms(text: string, terms: readonly string[]): TextPiece[] {
  if (terms.length === 0 || text === "") return [{ text, match: false }];
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.split(/\s+/).map(escapeRegExp).join("\\s+") + "[\\p{L}\\p{N}]*");
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})`, "giu");
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) pieces.push({ text: text.slice(last, m.index), match: false });
    pieces.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), match: false });
  return pieces;
}

// "PX-0006 at 2": how a brief cites a page of an exhibit.
export function pinCite(label: string, page: number): string {
  return `${label} at ${page}`;
}

// The page a pin cite names, as people write them: "PX-0006 at 7", "p. 7", "pp. 7–9", "page 7",
// "7:4" (page:line), or a bare "7". Null when it names none (e.g. "¶ 12", "Sheet2!B4").
export function pageOfPinCite(cite: string | null | undefined): number | null {
  if (!cite) return null;
  const m = /(?:\bat|\bpp?\.?|\bpages?)\s*(\d{1,6})\b/i.exec(cite) ?? /^\s*(\d{1,6})(?:\s*[:–—-]\s*\d+)?\s*$/.exec(cite);
  const page = m ? Number(m[1]) : NaN;
  return page >= 1 ? page : null;
}

// Where a pin cite opens the viewer: its page, with a short excerpt marked as a phrase.
export function viewerHref(exhibitHref: string, cite: string | null | undefined, excerpt?: string | null): string | null {
  const page = pageOfPinCite(cite);
  if (page === null) return null;
  const params = new URLSearchParams({ page: String(page) });
  const phrase = excerpt?.replace(/["\s]+/g, " ").trim();
  if (phrase && phrase.length <= 200) params.set("q", `"${phrase}"`);
  return `${exhibitHref}?${params}`;
}
