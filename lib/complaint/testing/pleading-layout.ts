import type { Block, ComplaintModel, ExpectedParagraph } from "@/lib/complaint/testing/complaint-model";

// Lays a generated complaint out on pleading paper, independent of the PDF library that draws it:
// a writer passes its own text measure and draws what comes back.

export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;
export const BODY_LEFT = 108;
export const BODY_RIGHT = 540;
export const FIRST_BASELINE = 96;
export const PITCH = 24;
export const LINES_PER_PAGE = 28;
export const BODY_SIZE = 12;
export const FOOTNOTE_SIZE = 9;

export type Placed = { x: number; y: number; text: string; size: number };
export type PlacedPage = { texts: Placed[]; lineNumbers: Placed[]; runningHeader: Placed | null; footer: Placed[] };
export type Measure = (text: string, size: number) => number;
export type LayoutOptions = { caseNumber: string; ecfHeaderSize: number | null };

export function layoutPleading(model: ComplaintModel, measure: Measure, options: LayoutOptions): { pages: PlacedPage[]; expected: ExpectedParagraph[] } {
  const pages: { texts: Placed[]; footnotes: string[] }[] = [];
  const expected: ExpectedParagraph[] = [];
  let page = -1;
  let line = LINES_PER_PAGE + 1;
  let available = LINES_PER_PAGE;
  let footnoteNumber = 0;
  const newPage = () => {
    pages.push({ texts: [], footnotes: [] });
    page = pages.length - 1;
    line = 1;
    available = LINES_PER_PAGE;
  };
  const baseline = (l: number) => FIRST_BASELINE + (l - 1) * PITCH;
  const ensure = (lines: number) => {
    if (page < 0 || line + lines - 1 > available) newPage();
  };
  const put = (x: number, text: string, size = BODY_SIZE, dy = 0) => pages[page]!.texts.push({ x, y: baseline(line) + dy, text, size });
  const wrap = (text: string, firstWidth: number, width: number, size = BODY_SIZE): string[] => {
    const out: string[] = [];
    for (const segment of text.split("\n")) {
      let current = "";
      for (const word of segment.split(/\s+/).filter(Boolean)) {
        const candidate = current ? `${current} ${word}` : word;
        const limit = out.length === 0 && current === "" ? firstWidth : out.length === 0 ? firstWidth : width;
        if (current && measure(candidate, size) > limit) {
          out.push(current);
          current = word;
        } else current = candidate;
      }
      if (current) out.push(current);
    }
    return out;
  };

  newPage();
  for (const caption of model.caption) {
    if (caption) {
      const centered = /^(UNITED STATES|NORTHERN DISTRICT)/.test(caption);
      put(centered ? (BODY_LEFT + BODY_RIGHT - measure(caption, BODY_SIZE)) / 2 : BODY_LEFT, caption);
    }
    line++;
  }

  let heading: string | null = null;
  for (const block of model.blocks) {
    if (block.type === "heading") {
      ensure(block.lines.length + 1);
      for (const text of block.lines) {
        const outline = /^[A-Z]\.\s/.test(text);
        put(outline ? BODY_LEFT : (BODY_LEFT + BODY_RIGHT - measure(text, BODY_SIZE)) / 2, text);
        line++;
      }
      heading = block.lines.join(" — ");
      continue;
    }
    placeParagraph(block);
  }

  function placeParagraph(block: Extract<Block, { type: "paragraph" }>) {
    const bodyLines = wrap(block.text, BODY_RIGHT - BODY_LEFT - 72, BODY_RIGHT - BODY_LEFT);
    const needed = Math.min(bodyLines.length, 3) + (block.footnote ? 3 : 0);
    ensure(needed);
    if (block.footnote && available === LINES_PER_PAGE) {
      // Footnotes take the page's last lines, in a smaller size.
      available = LINES_PER_PAGE - 3;
      if (line + Math.min(bodyLines.length, 3) - 1 > available) {
        newPage();
        available = LINES_PER_PAGE - 3;
      }
    }
    expected.push({
      label: block.label,
      page: page + 1,
      line,
      heading,
      kind: block.kind,
      text: [block.text.replace(/\n/g, " "), ...(block.subItems ?? []).map((s) => `\n${s}`), block.quote ? ` ${block.quote}` : ""].join("").replace(/ \n/g, "\n"),
    });
    put(BODY_LEFT + 36, `${block.label}.`);
    bodyLines.forEach((text, i) => {
      if (i > 0 && line > available) newPage();
      put(i === 0 ? BODY_LEFT + 72 : BODY_LEFT, text);
      if (i === 0 && block.footnote) {
        footnoteNumber++;
        pages[page]!.texts.push({ x: BODY_LEFT + 72 + measure(text, BODY_SIZE) + 1, y: baseline(line) - 5, text: String(footnoteNumber), size: 7 });
        pages[page]!.footnotes.push(`${footnoteNumber} ${block.footnote}`);
      }
      line++;
    });
    for (const item of block.subItems ?? []) {
      for (const text of wrap(item, BODY_RIGHT - BODY_LEFT - 72, BODY_RIGHT - BODY_LEFT - 72)) {
        if (line > available) newPage();
        put(BODY_LEFT + 72, text);
        line++;
      }
    }
    if (block.quote) {
      const quoteLines = wrap(block.quote, BODY_RIGHT - BODY_LEFT - 72, BODY_RIGHT - BODY_LEFT - 72);
      // Single-spaced: two quote lines to a pleading line.
      quoteLines.forEach((text, i) => {
        if (i % 2 === 0 && i > 0) line++;
        if (line > available) newPage();
        put(BODY_LEFT + 36, text, BODY_SIZE, (i % 2) * 12);
      });
      line++;
    }
  }

  const total = pages.length;
  return {
    expected,
    pages: pages.map((p, index) => {
      const texts = [...p.texts];
      p.footnotes.forEach((note, k) => {
        const [marker, ...rest] = note.split(" ");
        const y = baseline(LINES_PER_PAGE - 2) + k * 11 + 6;
        texts.push({ x: BODY_LEFT, y: y - 3, text: marker!, size: 6 });
        texts.push({ x: BODY_LEFT + 6, y, text: rest.join(" "), size: FOOTNOTE_SIZE });
      });
      const pageLabel = String(index + 1);
      return {
        texts,
        lineNumbers: Array.from({ length: LINES_PER_PAGE }, (_, i) => {
          const text = String(i + 1);
          return { x: 90 - measure(text, BODY_SIZE), y: baseline(i + 1), text, size: BODY_SIZE };
        }),
        runningHeader: options.ecfHeaderSize
          ? { x: 72, y: 30, text: `Case ${options.caseNumber} Document 1 Filed 11/27/19 Page ${index + 1} of ${total}`, size: options.ecfHeaderSize }
          : null,
        footer: [
          { x: (PAGE_WIDTH - measure(pageLabel, BODY_SIZE)) / 2, y: 768, text: pageLabel, size: BODY_SIZE },
          { x: BODY_LEFT, y: 782, text: `CLASS ACTION COMPLAINT, CASE NO. ${options.caseNumber}`, size: 8 },
        ],
      };
    }),
  };
}
