import { paragraphSortKey, parseParagraphLabel } from "@/lib/complaint/labels";
import type { ComplaintCount, ComplaintUnit, SplitParagraph } from "@/lib/complaint/types";

// From the units a reader produced (PDF lines or DOCX paragraphs) to numbered ¶s. A line that
// starts "38." starts ¶ 38 only if 38 is where the complaint's numbering is: the next number,
// an inserted ¶ (37a, 37.1), or a small jump at a fresh, indented line. So a wrapped line that
// begins with a cited ¶ number ("… as alleged in paragraph / 12. above") stays in its ¶.

const START = /^(\d{1,5}(?:[a-z]{1,2}(?=\.)|\.\d{1,3})?)\.?\s+(?=\S)/;
const SUB_ITEM = /^\((?:[a-z]{1,3}|[ivxl]{1,6}|\d{1,2})\)\s/;
// A sentence or clause ended here, so a new ¶ may start on the next line.
const ENDS_CLAUSE = /[.:;!?"”’')\]]$/;
// The signature block and what follows it are not allegations.
const SIGNATURE = /^(?:dated:|respectfully submitted|\/s\/|by:\s*\/s\/)/i;

const letters = (text: string) => text.replace(/[^A-Za-z]/g, "");
export function isAllCaps(text: string): boolean {
  const l = letters(text);
  return l.length >= 3 && l.replace(/[^A-Z]/g, "").length / l.length >= 0.85;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
function romanToNumber(roman: string): number | null {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN[roman[i]!];
    const next = ROMAN[roman[i + 1] ?? ""] ?? 0;
    if (!value) return null;
    total += value < next ? -value : value;
  }
  return total || null;
}
const WORDS = ["ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE"];

// "COUNT III — Violation of …" → { number: 3, title: "Violation of …" }.
export function parseCountHeading(heading: string): ComplaintCount | null {
  const match = /^COUNT\s+([IVXLC]+|\d+|[A-Z]+)\b[\s.:—–-]*(.*)$/i.exec(heading);
  if (!match) return null;
  const token = match[1]!.toUpperCase();
  const number = /^\d+$/.test(token) ? Number(token) : (romanToNumber(token) ?? (WORDS.indexOf(token) + 1 || null));
  if (!number) return null;
  return { number, title: match[2]!.replace(/^[\s—–-]+/, "").trim() };
}

function joinLine(text: string, next: string, newLine: boolean): string {
  if (!text) return next;
  if (newLine) return `${text}\n${next}`;
  // A word broken at the line's end ("trans-" / "mitted") keeps its hyphen: a line-end hyphen
  // cannot be told apart from a compound's ("third-" / "party").
  if (/[A-Za-z]-$/.test(text)) return text + next;
  return `${text} ${next}`;
}

export function splitUnits(units: ComplaintUnit[]): SplitParagraph[] {
  const paragraphs: SplitParagraph[] = [];
  let current: SplitParagraph | null = null;
  let headingLines: string[] = [];
  let heading: string | null = null;
  let count: ComplaintCount | null = null;
  let lastText = "";
  let previousWasHeading = false;
  let stopped = false;

  const accepts = (label: string, unit: ComplaintUnit): boolean => {
    const parsed = parseParagraphLabel(label);
    if (!parsed) return false;
    // A caption's numbered list of causes of action ("1. VIOLATION OF …") is not a ¶.
    if (!unit.numberLabel && isAllCaps(unit.text.replace(START, ""))) return false;
    const last = paragraphs[paragraphs.length - 1];
    if (!last) return parsed.base <= 5 && parsed.sub === 0;
    const lastParsed = parseParagraphLabel(last.label)!;
    const fresh = previousWasHeading || unit.indented || ENDS_CLAUSE.test(lastText);
    if (unit.numberLabel) return paragraphSortKey(label)! > last.sortKey;
    if (parsed.base === lastParsed.base) return parsed.sub > lastParsed.sub && fresh;
    if (parsed.base === lastParsed.base + 1) return parsed.sub === 0 && fresh;
    return parsed.base > lastParsed.base + 1 && parsed.base <= lastParsed.base + 5 && parsed.sub === 0 && unit.indented && ENDS_CLAUSE.test(lastText);
  };

  for (const unit of units) {
    const text = unit.text.trim();
    if (!text) continue;
    if (SIGNATURE.test(text)) {
      stopped = true;
      current = null;
    }
    const candidate = unit.numberLabel ?? START.exec(text)?.[1] ?? null;
    if (candidate && accepts(candidate, unit)) {
      stopped = false;
      if (headingLines.length) {
        // Before the first ¶ the caption runs into the first heading; only its last line heads ¶ 1.
        const block = headingLines.join(" — ");
        heading = paragraphs.length === 0 && !parseCountHeading(block) ? headingLines[headingLines.length - 1]! : block;
        headingLines = [];
      }
      current = {
        label: candidate,
        sortKey: paragraphSortKey(candidate)!,
        page: unit.page,
        line: unit.line,
        heading,
        count,
        text: unit.numberLabel ? text : text.replace(START, ""),
      };
      paragraphs.push(current);
      lastText = text;
      previousWasHeading = false;
      continue;
    }
    if (unit.heading && !(current && unit.subItem)) {
      // Consecutive heading lines make one heading, except that a COUNT or an outline subheading
      // ("A. The App Sends Data Abroad") starts its own under a section title.
      if (!previousWasHeading || /^(?:COUNT\s|[A-Z]\.\s|[IVX]{1,5}\.\s)/i.test(text)) headingLines = [];
      headingLines.push(text);
      const block = headingLines.join(" — ");
      const asCount = parseCountHeading(block);
      // A top-level heading after the counts (PRAYER FOR RELIEF) ends the last count.
      if (asCount) count = asCount;
      else if (headingLines.length === 1 && count && !/^\(/.test(text)) count = null;
      current = null;
      previousWasHeading = true;
      lastText = text;
      continue;
    }
    previousWasHeading = false;
    lastText = text;
    if (!current || stopped) continue;
    current.text = joinLine(current.text, text, unit.subItem || SUB_ITEM.test(text));
  }
  return paragraphs;
}
