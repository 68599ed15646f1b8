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

// The app's role owns nothing, and pg-boss's schema and per-queue partition tables need an owner:
// so the app's instance never migrates or creates queues; installQueues did that at migration time.
async function start(): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 4, migrate: false });
  boss.on("error", (err) => logger.error({ err }, "job queue error"));
  await boss.start();
  const installed = new Set((await boss.getQueues()).map((q) => q.name));
  const missing = Object.keys(QUEUES).filter((name) => !installed.has(name));
  if (missing.length > 0) {
    await boss.stop({ graceful: false, wait: false });
    throw new Error(`job queue(s) ${missing.join(", ")} are not installed: run \`npm run db:migrate\` with the owner's MIGRATION_DATABASE_URL`);
  }
  return boss;
}

// Run as the database owner (scripts/migrate.ts, after `prisma migrate deploy`): installs or
// upgrades pg-boss's schema, creates every queue in QUEUES, and lets the app role use them.
export async function installQueues(ownerUrl: string, appRole = "proofline_app"): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, max: 2, supervise: false });
  boss.on("error", (err) => logger.error({ err }, "job queue error"));
  await boss.start();
  try {
    for (const [name, queue] of Object.entries(QUEUES)) await boss.createQueue(name, queue.options);
    const role = `"${appRole.replaceAll('"', '""')}"`;
    for (const grant of [
      `GRANT USAGE ON SCHEMA pgboss TO ${role}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${role}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${role}`,
    ]) {
      await boss.getDb().executeSql(grant, []);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
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

// Many jobs of one queue in one statement (a bulk intake's text extractions), with the queue's
// retry and expiry options, which pg-boss's insert() does not read from the queue itself.
export async function enqueueMany<Q extends QueueName>(name: Q, jobs: { data: Parameters<(typeof QUEUES)[Q]["run"]>[0]; singletonKey?: string }[]): Promise<void> {
  if (jobs.length === 0) return;
  const boss = await getBoss();
  const options = (QUEUES[name] as { options?: PgBoss.Queue }).options;
  await boss.insert(
    jobs.map((job) => ({
      name,
      data: job.data as object,
      singletonKey: job.singletonKey,
      retryLimit: options?.retryLimit,
      retryDelay: options?.retryDelay,
      expireInSeconds: options?.expireInSeconds,
    })),
  );
}
