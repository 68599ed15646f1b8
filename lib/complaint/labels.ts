// A complaint's ¶ "number" is a label as printed — "37", "37a", "37.1" — not an integer. Amended
// complaints insert ¶s between existing ones (37a, 37.1) rather than renumber, so the label is
// kept verbatim and ordered by a separate integer sort key.

// Room for 999 inserted ¶s between two whole numbers.
export const SORT_KEY_SUBDIVISIONS = 1000;

export type ParsedLabel = { base: number; sub: number };

const LABEL = /^(\d{1,5})(?:([a-z]{1,2})|\.(\d{1,3}))?$/;

export function isParagraphLabel(label: string): boolean {
  return LABEL.test(label);
}

// "37" → 37/0, "37a" → 37/1, "37aa" → 37/27, "37.1" → 37/1, "37.12" → 37/12; null for anything else.
export function parseParagraphLabel(label: string): ParsedLabel | null {
  const match = LABEL.exec(label);
  if (!match) return null;
  const base = Number(match[1]);
  if (match[2]) {
    const letters = match[2];
    const sub = letters.length === 1 ? letters.charCodeAt(0) - 96 : 26 * (letters.charCodeAt(0) - 96) + (letters.charCodeAt(1) - 96);
    return { base, sub };
  }
  return { base, sub: match[3] ? Number(match[3]) : 0 };
}

// 37 → 37000, 37a → 37001, 37.1 → 37001: an integer that orders labels as a reader would.
export function paragraphSortKey(label: string): number | null {
  const parsed = parseParagraphLabel(label);
  return parsed ? parsed.base * SORT_KEY_SUBDIVISIONS + parsed.sub : null;
}

// "Compl. ¶ 37, 12:4" — page:line when the complaint has pleading line numbers, the page alone
// when it has pages but no line numbers, the ¶ alone for a DOCX.
export function complaintPinCite(label: string, page: number | null, line: number | null): string {
  if (page === null) return `Compl. ¶ ${label}`;
  return line === null ? `Compl. ¶ ${label}, at ${page}` : `Compl. ¶ ${label}, ${page}:${line}`;
}
