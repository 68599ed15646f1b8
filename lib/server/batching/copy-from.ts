// COPY … FROM STDIN over a node-postgres client: the fastest way to load many rows (no
// per-row statement, no parameter encoding). node-postgres runs any object with a `submit`
// method as a query and hands it the protocol messages; this one answers CopyInResponse by
// sending the caller's chunks as CopyData (waiting for the socket to drain), then CopyDone.
// No "server-only" import: the bench's bare-COPY floor uses it from plain tsx.
import { once } from "node:events";
import type { Client, PoolClient } from "pg";

type Connection = {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
};

const CHUNK_BYTES = 256 * 1024;

class CopyIn {
  private connection: Connection | null = null;
  private rows = 0;
  private error: Error | null = null;
  private readonly started: Promise<void>;
  private startedResolve!: () => void;
  private startedReject!: (e: Error) => void;
  readonly done: Promise<number>;
  private doneResolve!: (n: number) => void;
  private doneReject!: (e: Error) => void;

  constructor(readonly text: string) {
    this.started = new Promise((resolve, reject) => ((this.startedResolve = resolve), (this.startedReject = reject)));
    this.done = new Promise((resolve, reject) => ((this.doneResolve = resolve), (this.doneReject = reject)));
    // Either may settle unobserved when the other rejects first.
    this.started.catch(() => undefined);
    this.done.catch(() => undefined);
  }

  submit(connection: Connection) {
    this.connection = connection;
    connection.query(this.text);
  }
  handleCopyInResponse() {
    this.startedResolve();
  }
  handleCommandComplete(msg: { text?: string }) {
    const m = /COPY (\d+)/.exec(msg.text ?? "");
    if (m) this.rows = Number(m[1]);
  }
  // node-postgres ends the query on an ErrorResponse (it calls no handleReadyForQuery after).
  handleError(error: Error) {
    this.error = error;
    this.startedReject(error);
    this.doneReject(error);
  }
  handleReadyForQuery() {
    if (this.error) this.doneReject(this.error);
    else this.doneResolve(this.rows);
  }
  // Unused by COPY FROM, but node-postgres may call them on an active query.
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}

  async send(source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>) {
    await this.started;
    const connection = this.connection!;
    let pending: Buffer[] = [];
    let size = 0;
    const flush = async () => {
      if (!size) return;
      connection.sendCopyFromChunk(Buffer.concat(pending, size));
      pending = [];
      size = 0;
      if (connection.stream.writableNeedDrain) await once(connection.stream, "drain");
    };
    try {
      for await (const piece of source) {
        if (this.error) break;
        const buf = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
        pending.push(buf);
        size += buf.length;
        if (size >= CHUNK_BYTES) await flush();
      }
      if (this.error) return;
      await flush();
      connection.endCopyFrom();
    } catch (error) {
      // The server discards the rows and answers with an error, ending the query.
      connection.sendCopyFail(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
}

// Streams `source` (COPY text format lines) into the statement `sql` (COPY … FROM STDIN).
// Resolves with the number of rows the server copied.
export async function copyFrom(client: Client | PoolClient, sql: string, source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): Promise<number> {
  const copy = new CopyIn(sql);
  void client.query(copy as never);
  let sendError: unknown = null;
  await copy.send(source).catch((error: unknown) => (sendError = error));
  const rows = await copy.done.catch((error: unknown) => {
    throw sendError ?? error;
  });
  if (sendError) throw sendError;
  return rows;
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
