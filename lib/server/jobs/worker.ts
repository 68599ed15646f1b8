import "server-only";
import { env } from "@/lib/server/env";
import { getBoss } from "@/lib/server/jobs/boss";
import { QUEUES } from "@/lib/server/jobs/queues";
import { logger } from "@/lib/server/logger";
import { blobStore } from "@/lib/server/storage/active-blob-store";

// Work whose job was lost (enqueue failed after commit, or rows written by the seed) is sent again.
const RECOVER_EVERY_MS = 5 * 60_000;

let started: Promise<void> | null = null;

// Started once per web process from instrumentation.ts. JOB_WORKERS=off keeps a web-only
// instance from taking work: jobs then run in `npm run worker` processes on the same queue.
export function startJobWorkers(): void {
  if (env.JOB_WORKERS === "off") return;
  void runJobWorkers().catch((err: unknown) => logger.error({ err }, "job workers failed to start"));
}

// Takes jobs from every queue until the process stops (scripts/worker.ts runs only this).
export function runJobWorkers(): Promise<void> {
  started ??= run();
  return started;
}

// Stops taking jobs and waits up to `timeoutMs` for the running ones; a job still running then is
// failed back to the queue and retried by another worker (its writes are one transaction, so
// nothing half-done stays behind).
export async function stopJobWorkers(timeoutMs: number): Promise<void> {
  if (!started) return;
  await started.catch(() => undefined);
  const boss = await getBoss();
  await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}

async function run(): Promise<void> {
  const removed = await (await blobStore()).cleanTemp();
  if (removed > 0) logger.warn({ removed }, "removed temporary uploads left by interrupted uploads");
  const boss = await getBoss();
  for (const [name, queue] of Object.entries(QUEUES)) {
    const def = queue as (typeof QUEUES)[keyof typeof QUEUES] & { run: (data: unknown) => Promise<void> };
    await boss.work<unknown>(name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (!job) return;
      await def.run(job.data);
    });
    if ("schedule" in def && def.schedule) await boss.schedule(name, def.schedule);
    if ("recover" in def && def.recover) {
      const recover = def.recover;
      const resend = async () => {
        for (const lost of await recover()) await boss.send(name, lost.data as object, { singletonKey: lost.singletonKey });
      };
      await resend();
      setInterval(() => void resend().catch((err: unknown) => logger.error({ err, queue: name }, "job recovery failed")), RECOVER_EVERY_MS).unref();
    }
  }
}
