import "server-only";
import type { SaxesTagNS } from "saxes";
import { cellText, decodeOoxmlEscapes, PageText, relationshipKind } from "@/lib/exhibit-files/ooxml";
import {
  MAX_OOXML_DOCUMENT_CHARS,
  MAX_OOXML_PAGE_CHARS,
  OfficeFileError,
  OoxmlPackage,
  relationshipIdOf,
} from "@/lib/server/exhibits/ooxml-package";

// Excel holds at most 32,767 characters in a cell; more in a shared string is not Excel's.
const MAX_CELL_CHARS = 32_767;

type Sheet = { name: string; hidden: boolean; part: string | null };

// One page per worksheet, in workbook order: the sheet's name on the first line, then its cells
// row by row, a tab between cells and a newline between rows. Values are as stored: shared and
// inline strings resolved, numbers and dates as the number written in the file (no formatting),
// booleans as TRUE/FALSE, formulas by their cached result.
export async function extractXlsxPages(bytes: Buffer): Promise<string[]> {
  const pkg = await OoxmlPackage.open(bytes, "workbook");
  try {
    const root = await pkg.relationships("");
    const workbookPart = root?.find((r) => relationshipKind(r.type) === "officeDocument" && !r.external)?.target ?? "xl/workbook.xml";
    if (!pkg.has(workbookPart)) throw new OfficeFileError("The workbook is damaged: it has no workbook part (xl/workbook.xml).");
    const rels = (await pkg.relationships(workbookPart)) ?? [];
    const targets = new Map(rels.filter((r) => !r.external).map((r) => [r.id, r]));

    const sheets: Sheet[] = [];
    await pkg.parse(workbookPart, () => ({
      open: (tag) => {
        if (tag.local !== "sheet") return;
        const rel = targets.get(relationshipIdOf(tag) ?? "");
        // Chart sheets and dialog sheets have no cells; they still get their page and name.
        const part = rel && relationshipKind(rel.type) === "worksheet" && pkg.has(rel.target) ? rel.target : null;
        const state = tag.attributes.state?.value;
        sheets.push({ name: decodeOoxmlEscapes(tag.attributes.name?.value ?? ""), hidden: state === "hidden" || state === "veryHidden", part });
      },
    }));
    if (sheets.length === 0) throw new OfficeFileError("The workbook lists no sheets.");

    const sharedPart = rels.find((r) => relationshipKind(r.type) === "sharedStrings")?.target;
    const shared = sharedPart && pkg.has(sharedPart) ? await readSharedStrings(pkg, sharedPart) : { strings: [], dropped: false };

    const pages: string[] = [];
    let total = 0;
    for (const sheet of sheets) {
      const header = `Sheet: ${sheet.name}${sheet.hidden ? " (hidden)" : ""}`;
      if (total >= MAX_OOXML_DOCUMENT_CHARS) {
        pages.push(`${header}\n[Not read: the workbook's text passed ${MAX_OOXML_DOCUMENT_CHARS.toLocaleString("en-US")} characters before this sheet.]`);
        continue;
      }
      const body = sheet.part ? await readSheet(pkg, sheet.part, shared, Math.min(MAX_OOXML_PAGE_CHARS, MAX_OOXML_DOCUMENT_CHARS - total)) : "";
      total += body.length;
      pages.push(body ? `${header}\n${body}` : header);
    }
    return pages;
  } finally {
    pkg.close();
  }
}

type SharedStrings = { strings: string[]; dropped: boolean };

// The text of each <si>: its <t> runs, without <rPh> (phonetic guides shown above East Asian
// text, which would repeat the words in another script).
async function readSharedStrings(pkg: OoxmlPackage, part: string): Promise<SharedStrings> {
  const strings: string[] = [];
  let stored = 0;
  let dropped = false;
  let current: string | null = null;
  let inT = false;
  let phonetic = 0;
  await pkg.parse(part, () => ({
    open: (tag) => {
      if (tag.local === "si") current = "";
      else if (tag.local === "rPh") phonetic++;
      else if (tag.local === "t" && current !== null && phonetic === 0) inT = true;
    },
    text: (text) => {
      if (inT && current !== null && current.length < MAX_CELL_CHARS) current += text;
    },
    close: (tag) => {
      if (tag.local === "t") inT = false;
      else if (tag.local === "rPh") phonetic--;
      else if (tag.local === "si" && current !== null) {
        const value = cellText(current.slice(0, MAX_CELL_CHARS));
        // Past the document's limit no sheet could show more text anyway; the index keeps the
        // count so that later cells know their string was dropped rather than empty.
        if (stored + value.length > MAX_OOXML_DOCUMENT_CHARS) {
          dropped = true;
          strings.push("");
        } else {
          stored += value.length;
          strings.push(value);
        }
        current = null;
      }
    },
  }));
  return { strings, dropped };
}

async function readSheet(pkg: OoxmlPackage, part: string, shared: SharedStrings, limit: number): Promise<string> {
  const page = new PageText(limit);
  let cellsInRow = 0;
  let cell: { type: string; raw: string } | null = null;
  let capture = false;
  let phonetic = 0;
  let missingShared = false;

  const value = (c: { type: string; raw: string }): string => {
    switch (c.type) {
      case "s": {
        const index = c.raw.trim();
        if (index === "") return "";
        const s = shared.strings[Number(index)] ?? "";
        if (s === "" && shared.dropped) missingShared = true;
        return s;
      }
      case "b":
        return c.raw.trim() === "1" ? "TRUE" : c.raw.trim() === "0" ? "FALSE" : c.raw;
      default:
        // n (numbers), d (ISO dates), e (#DIV/0! …), str (formula text), inlineStr.
        return cellText(c.raw);
    }
  };

  await pkg.parse(part, (stop) => ({
    open: (tag: SaxesTagNS) => {
      switch (tag.local) {
        case "row":
          cellsInRow = 0;
          break;
        case "c":
          cell = { type: tag.attributes.t?.value ?? "n", raw: "" };
          break;
        case "v":
          capture = cell !== null;
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          capture = cell !== null && cell.type === "inlineStr" && phonetic === 0;
          break;
      }
    },
    text: (text) => {
      if (capture && cell && cell.raw.length < MAX_CELL_CHARS) cell.raw += text;
    },
    close: (tag: SaxesTagNS) => {
      switch (tag.local) {
        case "v":
        case "t":
          capture = false;
          break;
        case "rPh":
          phonetic--;
          break;
        case "c": {
          const text = cell ? value(cell) : "";
          cell = null;
          if (text === "") break;
          page.append(cellsInRow > 0 ? `\t${text}` : text);
          cellsInRow++;
          break;
        }
        case "row":
          if (cellsInRow > 0) page.append("\n");
          break;
      }
      if (page.truncated) stop();
    },
  }));

  const notes: string[] = [];
  if (page.truncated) notes.push(`[Sheet truncated: only its first ${limit.toLocaleString("en-US")} characters were indexed.]`);
  if (missingShared) notes.push("[Some cell text was not indexed: the workbook's shared strings passed the text limit.]");
  const body = page.toString().replace(/\n+$/, "");
  return [body, ...notes].filter(Boolean).join("\n");
}
