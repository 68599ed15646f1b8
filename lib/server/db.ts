import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/server/env";

export type Db = PrismaClient;
// The client handed to a use case's transaction callback.
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
  // Under a burst, transactions queue for a pooled connection instead of failing after Prisma's
  // 2 s default; a use case's transaction itself stays short.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 20_000 } });
}

// One client per process; dev-mode hot reloads would otherwise open a new pool on each edit.
const globalForDb = globalThis as unknown as { prooflineDb?: PrismaClient };
export const db: PrismaClient = (globalForDb.prooflineDb ??= createClient());
