import "server-only";
import pg from "pg";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";

// A small pool of plain pg connections for bulk statements whose parameter is megabytes of JSON
// (a capture analysis's batches of observations). Prisma sends a raw query's parameters through
// its query compiler as JSON, which for such a parameter costs more CPU than the database's own
// work; here the text goes to the server as it is. Same database, same role as `db`. Statements
// run on their own (autocommit), as `db.$executeRaw` outside a transaction does.
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

export async function bulkExecute(sql: string, params: unknown[]): Promise<number> {
  const result = await pool().query(sql, params);
  return result.rowCount ?? 0;
}

export async function closeBulkPool(): Promise<void> {
  const open = globalForPool.prooflineBulkPool;
  globalForPool.prooflineBulkPool = undefined;
  await open?.end();
}
