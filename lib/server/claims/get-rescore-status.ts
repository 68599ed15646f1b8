import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { canonicalAuditAction, storedAuditActionNames } from "@/lib/audit/events";

export const RESCORE_ACTIONS = { requested: "claim.request-rescore", done: "claim.rescore", failed: "claim.fail-rescore" } as const;

// A run's job expires after an hour (queues.ts); a request older than that without an outcome
// did not finish (a restart mid-run) and may be started again.
const STALE_AFTER_MS = 60 * 60 * 1000;

export type RescoreStatus =
  | { state: "never" }
  | { state: "running"; since: Date; by: string | null }
  | { state: "done"; at: Date; claims: number; signals: number; changed: number; ms: number }
  | { state: "failed"; at: Date; reason: string };

// Where the matter's batch re-scoring stands, read from its audit trail: the latest of
// requested / done / failed says whether a run is under way and how the last one ended.
export async function getRescoreStatus(actor: Actor, matterId: string): Promise<RescoreStatus> {
  await requirePermission(actor, matterId, "matter.read");
  return unsafeRescoreStatus(matterId);
}

export async function unsafeRescoreStatus(matterId: string): Promise<RescoreStatus> {
  const last = await db.auditEvent.findFirst({
    where: { matterId, entityType: "Matter", entityId: matterId, action: { in: Object.values(RESCORE_ACTIONS).flatMap(storedAuditActionNames) } },
    orderBy: { id: "desc" },
    select: { action: true, at: true, details: true, actor: { select: { name: true } } },
  });
  if (!last) return { state: "never" };
  const d = (last.details ?? {}) as Record<string, unknown>;
  // Runs recorded before the rename carry the old names (the log is never rewritten).
  const action = canonicalAuditAction(last.action);
  if (action === RESCORE_ACTIONS.requested) {
    if (Date.now() - last.at.getTime() > STALE_AFTER_MS) return { state: "failed", at: last.at, reason: "The run did not finish (the server may have restarted). Start it again." };
    return { state: "running", since: last.at, by: last.actor?.name ?? null };
  }
  if (action === RESCORE_ACTIONS.failed) return { state: "failed", at: last.at, reason: String(d.reason ?? "unknown error") };
  return { state: "done", at: last.at, claims: Number(d.claims), signals: Number(d.signals), changed: Number(d.changed), ms: Number(d.ms) };
}
