// COPY … FROM STDIN over a node-postgres client, through pg-copy-streams: the fastest way to
// load many rows (no per-row statement, no parameter encoding). Backpressure comes from the
// stream pipeline; an error from the server (a bad value, a constraint) rejects with the server's
// error, and COPY then keeps none of its rows.
// No "server-only" import: the bench's bare-COPY floor uses it from plain tsx.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Client, PoolClient } from "pg";
import { from as copyFromStdin } from "pg-copy-streams";

// Streams `source` (COPY text or CSV lines, as the statement says) into the statement `sql`
// (COPY … FROM STDIN). Resolves with the number of rows the server copied.
export async function copyFrom(client: Client | PoolClient, sql: string, source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): Promise<number> {
  if (!/^\s*COPY\s[\s\S]+\sFROM\s+STDIN\b/i.test(sql)) throw new Error("copyFrom runs COPY … FROM STDIN only");
  const sink = client.query(copyFromStdin(sql));
  await pipeline(Readable.from(source), sink);
  return sink.rowCount ?? 0;
}

// One value of COPY's text format: \N for null; backslash, tab, newline and carriage return escaped.
export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  const s = String(value);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : s;
}

export function copyLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i ? "\t" : "") + copyValue(values[i]);
  return `${line}\n`;
}
