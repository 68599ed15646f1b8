import "server-only";
import { stringify } from "csv-stringify/sync";

// Exhibit titles come from uploaders: a cell starting with = + - @ would run as a formula when
// opposing counsel opens the CSV in a spreadsheet, so such cells get a leading apostrophe.
function neutralise(value: unknown): string {
  const s = value == null ? "" : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function toCsv(header: string[], rows: unknown[][]): Buffer {
  // A BOM so spreadsheet programs read the UTF-8 (curly quotes, section signs) correctly.
  return Buffer.from("\uFEFF" + stringify([header, ...rows.map((r) => r.map(neutralise))], { record_delimiter: "\r\n" }), "utf8");
}
