import { parse } from "csv-parse/sync";
import { toFieldErrors } from "@/lib/schemas/parse";
import { ZLoadFileRow, type TLoadFileRow } from "@/lib/schemas/intake";

// A bulk intake's CSV load file: one row per file, keyed by the file's path inside the ZIP,
// with the facts the producing party or the client recorded (title, custodian, source, date
// obtained, collector). Headers are matched loosely ("Date Obtained", "date_obtained",
// "obtainedAt" are one column) because load files come from many tools.
const HEADER_ALIASES: Record<string, keyof TLoadFileRow> = {
  path: "path",
  file: "path",
  filepath: "path",
  filename: "path",
  title: "title",
  custodian: "custodian",
  source: "source",
  dateobtained: "obtainedAt",
  obtainedat: "obtainedAt",
  obtained: "obtainedAt",
  collector: "collectedBy",
  collectedby: "collectedBy",
};

export const LOAD_FILE_MAX_ROWS = 100_000;

export type LoadFile = {
  // By normalised path.
  rows: Map<string, { row: number; metadata: Omit<TLoadFileRow, "path"> }>;
  // Rows that cannot be used, by normalised path where one could be read: the file they describe
  // fails with this reason instead of being taken in without the facts its row meant to give.
  rowErrors: Map<string, { row: number; reason: string }>;
  // Problems not tied to a file (no path column, an unreadable row).
  problems: string[];
};

// "./Mail/a.eml", "/Mail/a.eml" and "Mail\a.eml" all name the ZIP entry "Mail/a.eml".
export function normaliseEntryPath(path: string): string {
  return path.trim().replaceAll("\\", "/").replace(/^(\.\/|\/)+/, "");
}

export function parseLoadFile(text: string): LoadFile {
  const out: LoadFile = { rows: new Map(), rowErrors: new Map(), problems: [] };
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true, to: LOAD_FILE_MAX_ROWS + 1 }) as string[][];
  } catch (error) {
    out.problems.push(`The load file is not valid CSV: ${(error as Error).message}`);
    return out;
  }
  const [header, ...body] = records;
  if (!header) {
    out.problems.push("The load file is empty.");
    return out;
  }
  const columns = header.map((h) => HEADER_ALIASES[h.toLowerCase().replace(/[^a-z]/g, "")]);
  if (!columns.includes("path")) {
    out.problems.push("The load file has no path column (path, file or filename): its rows cannot be matched to files.");
    return out;
  }
  if (body.length > LOAD_FILE_MAX_ROWS) out.problems.push(`The load file has more than ${LOAD_FILE_MAX_ROWS} rows; the rest were not read.`);
  body.slice(0, LOAD_FILE_MAX_ROWS).forEach((cells, i) => {
    const row = i + 2;
    const raw: Record<string, string> = {};
    columns.forEach((column, c) => {
      const value = cells[c]?.trim();
      if (column && value) raw[column] = value;
    });
    if (!raw.path) {
      out.problems.push(`Row ${row} of the load file names no path.`);
      return;
    }
    const path = normaliseEntryPath(raw.path);
    const parsed = ZLoadFileRow.safeParse({ ...raw, path });
    if (!parsed.success) {
      const reason = Object.entries(toFieldErrors(parsed.error))
        .map(([field, messages]) => `${field}: ${messages.join("; ")}`)
        .join(" · ");
      out.rowErrors.set(path, { row, reason: `Load file row ${row}: ${reason}` });
      return;
    }
    if (out.rows.has(path) || out.rowErrors.has(path)) {
      out.rowErrors.set(path, { row, reason: `Load file row ${row} names a path an earlier row already described.` });
      out.rows.delete(path);
      return;
    }
    const { path: _path, ...metadata } = parsed.data;
    out.rows.set(path, { row, metadata });
  });
  return out;
}
