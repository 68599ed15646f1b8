import "server-only";
import pg from "pg";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";

// A small pool of plain pg connections for bulk writes of megabytes at a time (a capture
// analysis's batches of observations). Prisma sends a raw query's parameters through its query
// compiler as JSON, which for such a parameter costs more CPU than the database's own work; here
// the bytes go to the server as they are, with COPY … FROM STDIN, PostgreSQL's cheapest way in.
// Same database, same role as `db` (COPY FROM STDIN needs only INSERT on the table). Each
// statement runs on its own (autocommit), as `db.$executeRaw` outside a transaction does.
const globalForPool = globalThis as unknown as { prooflineBulkPool?: pg.Pool };

function pool(): pg.Pool {
  if (!globalForPool.prooflineBulkPool) {
    const created = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4, idleTimeoutMillis: 5_000, allowExitOnIdle: true });
    // An idle connection the server closed (a restart, a dropped test database) must not take the
    // process down; the pool replaces it on the next query.
    created.on("error", (err) => logger.warn({ err }, "bulk database connection lost"));
    globalForPool.prooflineBulkPool = created;
  }
  return globalForPool.prooflineBulkPool;
}

// The pg client's extension point for a statement with its own protocol (as pg-cursor and
// pg-copy-streams use it): sends `COPY … FROM STDIN`, answers the server's CopyInResponse with
// the data and CopyDone, and settles on the server's verdict (an error ends the statement whole:
// COPY inserts all of its rows or none).
type CopyConnection = { query(text: string): void; sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void; sendCopyFail(message: string): void };

class CopyFromStdin {
  readonly done: Promise<void>;
  private settle!: (error: Error | null) => void;
  private settled = false;

  constructor(
    readonly text: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = (error) => {
        if (this.settled) return;
        this.settled = true;
        if (error) reject(error);
        else resolve();
      };
    });
  }

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    connection.sendCopyFromChunk(this.data);
    connection.endCopyFrom();
  }

  handleError(error: Error): void {
    this.settle(error);
  }

  handleReadyForQuery(): void {
    this.settle(null);
  }

  // Not part of a COPY FROM's exchange: a server that answers otherwise gets the copy refused.
  handleCopyData(_message: unknown, connection: CopyConnection): void {
    connection.sendCopyFail("unexpected COPY data from the server");
  }

  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
}

// Runs `COPY <table> (<columns>) FROM STDIN` (text format) with `data` as its rows.
export async function bulkCopyFrom(copyStatement: string, data: Buffer): Promise<void> {
  if (!/^COPY\s[\s\S]+\sFROM\s+STDIN\b/i.test(copyStatement)) throw new Error("bulkCopyFrom runs COPY … FROM STDIN only");
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    const copy = new CopyFromStdin(copyStatement, data);
    client.query(copy as unknown as pg.QueryConfig);
    await copy.done;
  } catch (error) {
    // A connection that failed mid-protocol is not handed out again.
    if (!(error instanceof Error && "code" in error && typeof error.code === "string" && /^[0-9A-Z]{5}$/.test(error.code))) broken = error as Error;
    throw error;
  } finally {
    client.release(broken);
  }
}

export async function closeBulkPool(): Promise<void> {
  const open = globalForPool.prooflineBulkPool;
  globalForPool.prooflineBulkPool = undefined;
  await open?.end();
}
