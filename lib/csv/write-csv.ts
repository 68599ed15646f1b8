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

// For exports read from the database a batch at a time: the next batch is asked for only when the
// reader has taken the text of the previous one, so a slow download holds one batch in memory,
// not the whole file. The text is the same as writeCsv's over all the rows.
export function csvBatchStream(mode: CsvMode, header: readonly string[], batches: AsyncIterable<readonly (readonly unknown[])[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const source = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Each pull enqueues something or closes: a pull that enqueued nothing would not be repeated.
      for (;;) {
        const { value, done } = await source.next();
        const rows = done ? [] : value;
        if (done && started) {
          controller.close();
          return;
        }
        const text = stringifySync((started ? rows : [header, ...rows]) as unknown[][], { ...options(mode), bom: !started && mode === "spreadsheet" });
        started = true;
        if (text) controller.enqueue(encoder.encode(text));
        if (done) {
          controller.close();
          return;
        }
        if (text) return;
      }
    },
    async cancel() {
      await source.return?.();
    },
  });
}
