import { extensionOf } from "@/lib/exhibit-files/file-name";

// Production load files in the formats review platforms (Concordance, Relativity, Everlaw…)
// import without a mapping step. Pure: the exact bytes are the contract, so they are built here
// and tested alone.

// Concordance delimiters: þ (U+00FE) around each value, ASCII 20 between values, ® (U+00AE)
// standing for a line break inside a value. The format has no escape, so a delimiter inside a
// value is replaced: þ by Þ (the same letter, capital, which no reader treats as a quote) and
// ASCII 20 by a space.
export const DAT_QUOTE = "\u00FE";
export const DAT_SEPARATOR = "\u0014";
export const DAT_NEWLINE = "\u00AE";
const BOM = "\uFEFF";

export type DatValue = string | number | Date | null | undefined;

// MM/DD/YYYY in UTC: the DAT carries no time zone, and UTC is how the dates are stored.
export function datDate(d: Date): string {
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(d.getUTCDate()).padStart(2, "0");
  return `${mm}/${dd}/${d.getUTCFullYear()}`;
}

function datValue(value: DatValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return datDate(value);
  return String(value)
    .replaceAll(DAT_QUOTE, "\u00DE")
    .replaceAll(DAT_SEPARATOR, " ")
    .replace(/\r\n|\r|\n/g, DAT_NEWLINE);
}

// UTF-8 with a BOM, CRLF after every record (the header too).
export function writeDat(header: readonly string[], rows: readonly (readonly DatValue[])[]): Buffer {
  const line = (values: readonly DatValue[]) => values.map((v) => `${DAT_QUOTE}${datValue(v)}${DAT_QUOTE}`).join(DAT_SEPARATOR);
  for (const row of rows) if (row.length !== header.length) throw new Error(`DAT row has ${row.length} values for ${header.length} fields`);
  return Buffer.from(BOM + [header, ...rows].map(line).join("\r\n") + "\r\n", "utf8");
}

// Reads a DAT back (for tests and for checking a delivery): the inverse of writeDat.
export function readDat(bytes: Buffer): Record<string, string>[] {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const lines = text.split("\r\n").filter((l) => l.length > 0);
  const split = (l: string) => l.split(DAT_SEPARATOR).map((v) => v.slice(1, -1).replaceAll(DAT_NEWLINE, "\n"));
  const [header, ...rows] = lines.map(split);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

// Where a native goes in the delivery: under its Bates number, keeping its extension.
export function nativeZipPath(begBates: string, originalFileName: string): string {
  const extension = extensionOf(originalFileName);
  return `NATIVES/${begBates}${extension ? `.${extension}` : ""}`;
}

// Load files name paths Windows-style, relative to the volume's root.
export function loadFilePath(zipPath: string): string {
  return zipPath.replaceAll("/", "\\");
}

// `pagePaths` (an image production): each page's own image, in page order.
export type OptDocument = { firstPage: number; pages: number; imagePath: string; pagePaths?: readonly string[]; pageLabel: (n: number) => string };

// Opticon cross-reference: one line per page — page Bates number, volume, image path, "Y" on
// a document's first page, box, folder, and the document's page count on its first page.
// In an image production each page points at its own image; otherwise each page points at its
// document's stamped PDF (the same path on every page of it), which review platforms load as a
// multi-page image.
export function writeOpt(volume: string, documents: readonly OptDocument[]): Buffer {
  const lines: string[] = [];
  for (const doc of documents) {
    for (let i = 0; i < doc.pages; i++) {
      const first = i === 0;
      if (doc.pagePaths && doc.pagePaths.length !== doc.pages) throw new Error(`OPT: ${doc.pagePaths.length} page images for ${doc.pages} pages`);
      lines.push([doc.pageLabel(doc.firstPage + i), volume, loadFilePath(doc.pagePaths?.[i] ?? doc.imagePath), first ? "Y" : "", "", "", first ? String(doc.pages) : ""].join(","));
    }
  }
  return Buffer.from(lines.map((l) => `${l}\r\n`).join(""), "utf8");
}

export type FamilyMember = { id: string; parentId: string | null; batesStart: number; batesEnd: number };

// BEGATTACH/ENDATTACH: a family runs from its first produced member's first page to its last
// produced member's last page; a document with no family is its own range.
export function familyRanges(members: readonly FamilyMember[]): Map<string, { start: number; end: number }> {
  const byFamily = new Map<string, { start: number; end: number }>();
  const familyOf = (m: FamilyMember) => m.parentId ?? m.id;
  for (const m of members) {
    const range = byFamily.get(familyOf(m));
    byFamily.set(familyOf(m), range ? { start: Math.min(range.start, m.batesStart), end: Math.max(range.end, m.batesEnd) } : { start: m.batesStart, end: m.batesEnd });
  }
  return new Map(members.map((m) => [m.id, byFamily.get(familyOf(m))!]));
}
