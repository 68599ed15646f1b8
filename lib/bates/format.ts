// Numbers people cite: exhibit labels (PX-0001) and Bates numbers (HONG-000123).

export function exhibitLabel(prefix: string, number: number): string {
  return `${prefix}-${String(number).padStart(4, "0")}`;
}

export const BATES_DIGITS = 6;

export function batesLabel(prefix: string, number: number): string {
  return `${prefix}-${String(number).padStart(BATES_DIGITS, "0")}`;
}

export function batesRange(prefix: string, start: number | null, end: number | null): string {
  if (start == null || end == null) return "";
  return start === end ? batesLabel(prefix, start) : `${batesLabel(prefix, start)} – ${batesLabel(prefix, end)}`;
}

// Assigns consecutive ranges to documents of the given page counts, starting at `first`.
export function assignBates(first: number, pageCounts: readonly number[]): { start: number; end: number }[] {
  let next = first;
  return pageCounts.map((pages) => {
    if (!Number.isInteger(pages) || pages < 1) throw new Error(`a document needs at least one page, got ${pages}`);
    const range = { start: next, end: next + pages - 1 };
    next = range.end + 1;
    return range;
  });
}
