import { isAllCaps } from "@/lib/complaint/split";
import type { ComplaintUnit, PositionedPage, PositionedText } from "@/lib/complaint/types";

// From text runs with positions to the lines a reader of pleading paper sees: margin line numbers
// read off and used as line numbers, running headers and footers, footnotes and footnote markers
// left out, every remaining line tagged with what its layout says (heading, indented).

type Line = { page: number; y: number; x: number; right: number; fontSize: number; text: string };

const round = (n: number, step: number) => Math.round(n / step) * step;

// The body's font size: the size most characters are set in.
function bodyFontSize(pages: PositionedPage[]): number {
  const weight = new Map<number, number>();
  for (const page of pages) {
    for (const item of page.items) {
      const size = round(item.fontSize, 0.5);
      weight.set(size, (weight.get(size) ?? 0) + item.text.trim().length);
    }
  }
  let best = 12;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best;
}

// Pleading paper numbers its lines 1–28 down the left margin. Found per page: small integers in
// the leftmost fifth of the page, at least five of them, counting up as they go down the page.
type MarginNumber = { n: number; y: number };

function marginLineNumbers(page: PositionedPage, items: PositionedText[]): { numbers: MarginNumber[]; rest: PositionedText[] } {
  const candidates = items.filter((i) => /^\d{1,2}$/.test(i.text.trim()) && Number(i.text.trim()) >= 1 && Number(i.text.trim()) <= 32 && i.x + i.width < page.width * 0.2);
  if (candidates.length < 5) return { numbers: [], rest: items };
  // The column: the x most candidates share.
  const columns = new Map<number, PositionedText[]>();
  for (const c of candidates) {
    const key = round(c.x + c.width, 4);
    columns.set(key, [...(columns.get(key) ?? []), c]);
  }
  const column = [...columns.values()].sort((a, b) => b.length - a.length)[0]!;
  const sorted = [...column].sort((a, b) => a.y - b.y);
  let ascending = 0;
  for (let i = 1; i < sorted.length; i++) if (Number(sorted[i]!.text) > Number(sorted[i - 1]!.text)) ascending++;
  if (sorted.length < 5 || ascending < (sorted.length - 1) * 0.8) return { numbers: [], rest: items };
  const taken = new Set(sorted);
  // Anything left of the number column's right edge is margin, not body (a rule, a stray digit).
  const edge = Math.max(...sorted.map((s) => s.x + s.width));
  return {
    numbers: sorted.map((s) => ({ n: Number(s.text.trim()), y: s.y })),
    rest: items.filter((i) => !taken.has(i) && !(i.x + i.width <= edge + 1 && /^\s*\d*\s*$/.test(i.text))),
  };
}

function lineNumberFor(numbers: MarginNumber[], y: number): number | null {
  if (numbers.length === 0) return null;
  const pitch = numbers.length > 1 ? (numbers[numbers.length - 1]!.y - numbers[0]!.y) / (numbers.length - 1) : 24;
  let best: MarginNumber | null = null;
  for (const m of numbers) if (!best || Math.abs(m.y - y) < Math.abs(best.y - y)) best = m;
  return best && Math.abs(best.y - y) <= pitch * 0.75 ? best.n : null;
}

// Runs on one baseline joined into a line, with a space wherever the gap between two runs is wider
// than a thin space and neither side already has one.
function buildLines(page: number, items: PositionedText[], bodySize: number): Line[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PositionedText[][] = [];
  for (const item of sorted) {
    const group = groups[groups.length - 1];
    if (group && Math.abs(group[0]!.y - item.y) <= bodySize * 0.3) group.push(item);
    else groups.push([item]);
  }
  const lines: Line[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    let text = "";
    let end = -Infinity;
    const visible = group.filter((i) => i.text.trim() !== "");
    if (visible.length === 0) continue;
    for (const item of group) {
      const gap = item.x - end;
      if (text && gap > item.fontSize * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.text)) text += " ";
      text += item.text;
      end = Math.max(end, item.x + item.width);
    }
    const first = visible[0]!;
    const last = visible[visible.length - 1]!;
    lines.push({
      page,
      y: first.y,
      x: first.x,
      right: last.x + last.width,
      fontSize: Math.max(...visible.map((v) => v.fontSize)),
      text: text.replace(/\s+/g, " ").trim(),
    });
  }
  return lines;
}

const normalizeRepeated = (text: string) => text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
// The ECF stamp a court's filing system prints on every page.
const ECF_STAMP = /^case\s+\d+:\d+-[a-z]{2,4}-\d+\S*\s+document\s+\S+\s+filed\s+\S+\s+page\s+\d+\s+of\s+\d+/i;
const PAGE_NUMBER = /^(?:page\s+)?[-–—\s]*\d{1,4}[-–—\s]*(?:of\s+\d+)?$/i;


export function layoutPdfPages(pages: PositionedPage[]): ComplaintUnit[] {
  const bodySize = bodyFontSize(pages);
  type PageLines = { page: PositionedPage; lines: Line[]; numbers: MarginNumber[] };
  const perPage: PageLines[] = pages.map((page) => {
    // Footnote bodies, footnote markers, small stamps and footers are set smaller than the body.
    const bodyItems = page.items.filter((i) => i.fontSize >= bodySize * 0.88);
    const { numbers, rest } = marginLineNumbers(page, bodyItems);
    return { page, lines: buildLines(page.page, rest, bodySize), numbers };
  });

  // Running headers and footers: in the top or bottom tenth of the page and the same (numbers
  // aside) on at least half the pages — or the court's ECF stamp, or a bare page number.
  const band = (l: Line, p: PositionedPage) => l.y < p.height * 0.1 || l.y > p.height * 0.9;
  const seenOn = new Map<string, Set<number>>();
  for (const { page, lines } of perPage) {
    for (const l of lines) if (band(l, page)) {
      const key = normalizeRepeated(l.text);
      seenOn.set(key, (seenOn.get(key) ?? new Set()).add(page.page));
    }
  }
  const repeatThreshold = Math.max(2, Math.ceil(pages.length / 2));
  const isRunning = (l: Line, p: PositionedPage) =>
    ECF_STAMP.test(l.text) || (band(l, p) && (PAGE_NUMBER.test(l.text) || (seenOn.get(normalizeRepeated(l.text))?.size ?? 0) >= repeatThreshold));

  const body = perPage.map(({ page, lines, numbers }) => ({ page, numbers, lines: lines.filter((l) => !isRunning(l, page)) }));
  const all = body.flatMap((b) => b.lines);
  if (all.length === 0) return [];

  // The body's left margin: where most lines start. Its right edge: where most full lines end.
  const modeOf = (values: number[]) => {
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  };
  const left = modeOf(all.map((l) => round(l.x, 2)));
  const right = Math.max(...all.map((l) => l.right));
  const width = right - left;
  const center = (left + right) / 2;

  const units: ComplaintUnit[] = [];
  let previous = "";
  let previousHeading = false;
  for (const { numbers, lines } of body) {
    for (const l of lines) {
      const lineWidth = l.right - l.x;
      const centered = l.x > left + 24 && lineWidth < width * 0.75 && Math.abs((l.x + l.right) / 2 - center) <= Math.max(6, width * 0.03);
      const startsParagraph = /^\d{1,5}(?:[a-z]{1,2}|\.\d{1,3})?\.?\s/.test(l.text);
      const heading: boolean =
        !startsParagraph &&
        l.text.length <= 160 &&
        (/^COUNT\s+([IVXLC]+|\d+)\b/i.test(l.text) ||
          (isAllCaps(l.text) && lineWidth < width * 0.95) ||
          centered ||
          // An outline subheading ("A. The App Sends Data Abroad") after a finished sentence.
          (/^(?:[A-Z]|[IVX]{1,5})\.\s+[A-Z]/.test(l.text) && !/[.;,]$/.test(l.text) && lineWidth < width * 0.85 && (previous === "" || previousHeading || /[.:;!?"”)\]]$/.test(previous))));
      previous = l.text;
      previousHeading = heading;
      units.push({
        text: l.text,
        page: l.page,
        line: lineNumberFor(numbers, l.y),
        numberLabel: null,
        subItem: false,
        heading,
        indented: l.x > left + 6,
      });
    }
  }
  return units;
}
