// `npm run worker`: a process that runs background jobs (text extraction, integrity sweeps,
// re-scoring, rate-limit sweeps) and the audit sealer, and serves no requests. Run any number of
// them beside web instances started with JOB_WORKERS=off; they share the queue in PostgreSQL.
// SIGTERM or SIGINT: stop taking jobs, let running ones finish (up to a parse's time budget and a
// margin), then exit. Runs with the react-server condition so lib/server's "server-only" guard lets it in.
import { startAuditSealer } from "@/lib/server/audit/audit-sealer-loop";
import { db } from "@/lib/server/db";
import { closeBulkPool } from "@/lib/server/db-bulk";
import { env } from "@/lib/server/env";
import { runJobWorkers, stopJobWorkers } from "@/lib/server/jobs/worker";
import { logger } from "@/lib/server/logger";

const SHUTDOWN_GRACE_MS = (env.PARSER_TIME_LIMIT_SECONDS + 30) * 1000;

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal, graceMs: SHUTDOWN_GRACE_MS }, "worker stopping: finishing running jobs");
  try {
    await stopJobWorkers(SHUTDOWN_GRACE_MS);
    await closeBulkPool();
    await db.$disconnect();
    logger.info("worker stopped");
    process.exit(0);
  } catch (err) {
    logger.error({ err }, "worker did not stop cleanly");
    process.exit(1);
  }
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

startAuditSealer();
runJobWorkers()
  .then(() => logger.info({ pid: process.pid }, "worker taking jobs"))
  .catch((err: unknown) => {
    logger.error({ err }, "worker failed to start");
    process.exit(1);
  });
