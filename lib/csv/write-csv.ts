import { stringify, type Options, type Stringifier } from "csv-stringify";
import { stringify as stringifySync } from "csv-stringify/sync";

// spreadsheet: files people open in Excel or Sheets. Text from uploaders, claimants and staff
// that looks like a formula would run there (=HYPERLINK exfiltrates the row), so such cells
// are neutralised as OWASP advises, with a leading apostrophe, and a BOM makes the UTF-8 read
// as UTF-8.
// machine: load files and payment files read by other programs; every byte is the value.
export type CsvMode = "spreadsheet" | "machine";

// Spreadsheets trim leading spaces before deciding a cell is a formula, so " =1+1" counts too.
const FORMULA_START = /^[\t\r]|^\s*[=+\-@]/;

export function neutraliseCell(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

function options(mode: CsvMode): Options {
  return {
    record_delimiter: "\r\n",
    bom: mode === "spreadsheet",
    cast: {
      // Numbers, dates and booleans are written by us; only text can carry a formula.
      string: (s) => (mode === "spreadsheet" ? neutraliseCell(s) : s),
      date: (d) => d.toISOString(),
    },
  };
}

export function writeCsv(mode: CsvMode, header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringifySync([header, ...rows] as unknown[][], options(mode));
}

// Files whose layout has no header row (PayPal's Payouts Web upload).
export function writeCsvRows(mode: CsvMode, rows: readonly (readonly unknown[])[]): string {
  return stringifySync(rows as unknown[][], options(mode));
}

// For exports too large to build in memory: write rows, then end(); read the CSV text out.
export function csvStream(mode: CsvMode, header: readonly string[]): Stringifier {
  return stringify({ ...options(mode), header: true, columns: [...header] });
}
