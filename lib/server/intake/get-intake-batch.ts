import "server-only";
import { AppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

const FAILURES_SHOWN = 50;

// The batch page: progress counters (the job updates them as it commits), the first failures
// and the exhibits most recently numbered from it.
export async function getIntakeBatch(actor: Actor, matterId: string, batchId: string) {
  await requirePermission(actor, matterId, "matter.read");
  if (!isUuid(batchId)) throw AppError.notFound("Intake batch not found");
  const batch = await db.intakeBatch.findFirst({ where: { id: batchId, matterId }, include: { createdBy: { select: { name: true } } } });
  if (!batch) throw AppError.notFound("Intake batch not found");
  const failures = await db.intakeItem.findMany({
    where: { batchId, status: "FAILED" },
    orderBy: { createdAt: "asc" },
    take: FAILURES_SHOWN,
    select: { id: true, path: true, reason: true },
  });
  return { batch, failures };
}
