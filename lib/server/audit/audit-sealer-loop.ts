import "server-only";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { configuredAuditKey } from "@/lib/server/audit/audit-key";
import { sealAuditEvents } from "@/lib/server/audit/seal-audit-events";

// A full sweep now and then catches events whose transactions committed far out of id order.
const FULL_SWEEP_EVERY = 300;

let started = false;

export function startAuditSealer(): void {
  if (started) return;
  started = true;
  // Said once rather than every interval: events wait unsealed (verification counts them) until
  // the key is configured; `npm start` refuses a deployment without it.
  if (!configuredAuditKey()) {
    logger.warn("AUDIT_CHAIN_KEY is not set: audit events are recorded but not sealed");
    return;
  }
  let tick = 0;
  const run = async () => {
    try {
      // Drain: under heavy intake one batch may not be enough for one interval.
      for (;;) {
        const sealed = await sealAuditEvents({ fullSweep: tick % FULL_SWEEP_EVERY === 0 });
        if (sealed < 5000) break;
      }
    } catch (err) {
      logger.error({ err }, "audit sealing failed; will retry");
    } finally {
      tick += 1;
      setTimeout(run, env.AUDIT_SEAL_INTERVAL_MS).unref();
    }
  };
  setTimeout(run, env.AUDIT_SEAL_INTERVAL_MS).unref();
}
