import "server-only";
import pg from "pg";
import { env } from "@/lib/server/env";
import { copyFrom } from "@/lib/server/batching/copy-from";
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

// Runs `COPY <table> (<columns>) FROM STDIN` (text format) with `data` as its rows.
export async function bulkCopyFrom(copyStatement: string, data: Buffer): Promise<void> {
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    await copyFrom(client, copyStatement, [data]);
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
