// Matching the ¶s of an amended complaint to the allegations already in the ledger, by their
// words: evidence links belong to the allegation, not to its number, so a ¶ renumbered from 37 to
// 39 must find its allegation again. Dice similarity over word bigrams; a greedy one-to-one match.

const words = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, " ").split(/\s+/).filter(Boolean);

function bigrams(text: string): Map<string, number> {
  const w = words(text);
  const grams = new Map<string, number>();
  const list = w.length < 2 ? w : w.slice(1).map((word, i) => `${w[i]} ${word}`);
  for (const g of list) grams.set(g, (grams.get(g) ?? 0) + 1);
  return grams;
}

export function textSimilarity(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b));
}

function dice(x: Map<string, number>, y: Map<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const n of x.values()) total += n;
  for (const [g, n] of y) {
    total += n;
    shared += Math.min(n, x.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

// Below this, two ¶s are different allegations (a reworded ¶ keeps most of its word pairs).
export const MATCH_THRESHOLD = 0.5;
// At or above this the words are the same, whatever whitespace or punctuation changed.
export const SAME_TEXT = 0.97;

export type Matchable = { id: string; label: string; text: string };
export type Change = "ADDED" | "UNCHANGED" | "RENUMBERED" | "REWORDED";
export type Match = { index: number; allegationId: string | null; similarity: number | null; change: Change };

// Each new ¶ gets at most one existing allegation and each allegation at most one ¶, best pairs
// first; identical labels break ties. Unmatched allegations are the ¶s the amendment removed.
export function matchParagraphs(next: { label: string; text: string }[], existing: Matchable[]): { matches: Match[]; removed: string[] } {
  const pairs: { i: number; j: number; score: number }[] = [];
  const grams = existing.map((e) => bigrams(e.text));
  next.forEach((p, i) => {
    const g = bigrams(p.text);
    existing.forEach((e, j) => {
      // Cheap pre-check: no shared word pair at all means no match.
      let any = false;
      for (const key of g.keys()) if (grams[j]!.has(key)) { any = true; break; }
      if (!any) return;
      const score = dice(g, grams[j]!) + (p.label === e.label ? 0.001 : 0);
      if (score >= MATCH_THRESHOLD) pairs.push({ i, j, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score);
  const usedNext = new Set<number>();
  const usedExisting = new Set<number>();
  const matches: Match[] = next.map((_, index) => ({ index, allegationId: null, similarity: null, change: "ADDED" }));
  for (const { i, j, score } of pairs) {
    if (usedNext.has(i) || usedExisting.has(j)) continue;
    usedNext.add(i);
    usedExisting.add(j);
    const same = score >= SAME_TEXT;
    const relabelled = next[i]!.label !== existing[j]!.label;
    matches[i] = { index: i, allegationId: existing[j]!.id, similarity: Math.min(1, Number(score.toFixed(3))), change: !same ? "REWORDED" : relabelled ? "RENUMBERED" : "UNCHANGED" };
  }
  return { matches, removed: existing.filter((_, j) => !usedExisting.has(j)).map((e) => e.id) };
}
