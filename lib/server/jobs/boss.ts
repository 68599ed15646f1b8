import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { QUEUES, type QueueName } from "@/lib/server/jobs/queues";

// One pg-boss instance per process, started on first use. Jobs live in the app's own
// PostgreSQL (schema "pgboss"), so queued work survives restarts and any instance may run it.
const globalForBoss = globalThis as unknown as { prooflineBoss?: Promise<PgBoss> };

export function getBoss(): Promise<PgBoss> {
  globalForBoss.prooflineBoss ??= start().catch((error: unknown) => {
    globalForBoss.prooflineBoss = undefined;
    throw error;
  });
  return globalForBoss.prooflineBoss;
}

async function start(): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 4 });
  boss.on("error", (err) => logger.error({ err }, "job queue error"));
  await boss.start();
  for (const [name, queue] of Object.entries(QUEUES)) await boss.createQueue(name, queue.options);
  return boss;
}

// Call after the transaction that made the work has committed: a job must never point at a
// row that was rolled back. Work whose enqueue was lost (a crash in between) is found again by
// each queue's `recover` at worker start.
export async function enqueue<Q extends QueueName>(name: Q, data: Parameters<(typeof QUEUES)[Q]["run"]>[0], options: PgBoss.SendOptions = {}): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(name, data as object, options);
}

export async function stopBoss(): Promise<void> {
  const pending = globalForBoss.prooflineBoss;
  globalForBoss.prooflineBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, wait: true });
}
