import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { RESCORE_ACTIONS, unsafeRescoreStatus } from "@/lib/server/claims/get-rescore-status";
import { db } from "@/lib/server/db";
import { enqueue } from "@/lib/server/jobs/boss";

// Starts batch re-scoring of a matter's claims as a background job (rescore-claims.ts): on a
// million claims it takes most of a minute, longer than a request should wait or a load
// balancer keeps a connection. A run already under way is not started twice.
export async function requestRescore(actor: Actor, matterId: string): Promise<{ started: boolean }> {
  await requirePermission(actor, matterId, "claims.rescore");
  if ((await unsafeRescoreStatus(matterId)).state === "running") return { started: false };
  await db.$transaction((tx) => appendAudit(tx, actor, { matterId, action: RESCORE_ACTIONS.requested, entityId: matterId, details: {} }));
  await enqueue("claims-rescore", { matterId, actor });
  return { started: true };
}
