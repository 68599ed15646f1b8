import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";

export type Db = PrismaClient;
// The client handed to a use case's transaction callback.
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// One pool per process, shared by Prisma and by the prepared reads below. Idle connections do not
// keep a script alive after its work (Prisma's $disconnect leaves a pool it was given open).
function createPool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, allowExitOnIdle: true });
  // An idle connection the server ends (a restart, a failover, a database dropped after a test)
  // is dropped from the pool, and the next query opens another; without a listener, pg's error
  // event would end the process. Only the reason is logged: pg hangs the client on the error, and
  // its connection parameters would put the database password in the log.
  pool.on("error", (err: Error & { code?: string }) => logger.warn({ code: err.code, reason: err.message }, "an idle database connection was closed"));
  return pool;
}

function createClient(pool: pg.Pool): PrismaClient {
  const adapter = new PrismaPg(pool);
  // Under a burst, transactions queue for a pooled connection instead of failing after Prisma's
  // 2 s default; a use case's transaction itself stays short.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 20_000 } });
}

// One client per process; dev-mode hot reloads would otherwise open a new pool on each edit.
const globalForDb = globalThis as unknown as { prooflineDb?: PrismaClient; prooflinePool?: pg.Pool };
const pool: pg.Pool = (globalForDb.prooflinePool ??= createPool());
export const db: PrismaClient = (globalForDb.prooflineDb ??= createClient(pool));

// A read that nearly every request makes (who is calling, may they see this matter), run as a
// named prepared statement on the same pool: PostgreSQL plans it once per connection instead of
// on every call, and it skips Prisma's query engine. Measured on one statement: 536 → 80 µs
// a call, Node's CPU 236 → 37 µs. Only for SQL whose text never changes (the name stands for
// it on each connection); every value is a bind parameter. Rows come with node-postgres's own
// types: uuid and text as strings, timestamptz as Date, int4 as number, int8 as string.
export type PreparedStatement = { readonly name: string; readonly text: string };

export async function preparedRows<T extends pg.QueryResultRow>(statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  return (await pool.query<T>({ name: statement.name, text: statement.text, values })).rows;
}

// The same for a statement built from parts (a search's filters): each distinct text is its own
// prepared statement, named by its SHA-256. The text may vary only in its shape (which filters are
// present), never in a value, so the statements a connection keeps stay few: values are bind
// parameters, and a list of values is one array parameter (`= ANY(${ids}::uuid[])`), not `IN`
// with a placeholder per item.
const statementNames = new Map<string, string>();
export async function preparedSqlRows<T extends pg.QueryResultRow>(query: Prisma.Sql): Promise<T[]> {
  const text = query.text;
  let name = statementNames.get(text);
  if (name === undefined) {
    // (A bound on the memo only: the shapes are few, so it is practically never cleared.)
    if (statementNames.size >= 1000) statementNames.clear();
    name = `sql_${createHash("sha256").update(text).digest("base64url").slice(0, 32)}`;
    statementNames.set(text, name);
  }
  return preparedRows<T>({ name, text }, query.values);
}

// A statement whose best plan depends on its values, planned afresh on every call on the same
// pool, without Prisma's engine. Full-text search is one: a rare word is best found through the
// GIN index and a word on nearly every page otherwise, and a plan kept for every call (above)
// chose one for all (100,000 exhibits: a phrase's p95 25 → 430 ms).
export async function plannedSqlRows<T extends pg.QueryResultRow>(query: Prisma.Sql): Promise<T[]> {
  return (await pool.query<T>({ text: query.text, values: query.values })).rows;
}
