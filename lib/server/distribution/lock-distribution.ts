import "server-only";
import { AppError } from "@/lib/app-error";
import { ZLockDistribution } from "@/lib/schemas/distribution";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";

// Fixes every payment of a preview: an attorney's decision, with the reason the audit keeps.
// A preview the approved claims have moved past (a claim approved since) is refused: what is
// locked is what was reviewed. After this the database refuses any change to the run.
export async function lockDistribution(actor: Actor, matterId: string, runId: string, input: unknown) {
  const { reason } = parseInput(ZLockDistribution, input);
  await requirePermission(actor, matterId, "distribution.lock");
  const run = isUuid(runId) ? await db.distributionRun.findFirst({ where: { id: runId, matterId }, select: { id: true } }) : null;
  if (!run) throw AppError.notFound("Distribution not found");
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('distribution'), hashtext(${matterId}))`;
    const current = await tx.distributionRun.findUniqueOrThrow({ where: { id: runId } });
    if (current.status === "LOCKED") throw new AppError("CONFLICT", "This distribution is already locked.");
    const [now] = await tx.$queryRaw<{ count: number; asOf: Date | null }[]>`
      SELECT count(*)::int AS count, max("decidedAt") AS "asOf" FROM "Claim" WHERE "matterId" = ${matterId}::uuid AND status = 'APPROVED'`;
    if (now!.count !== current.approvedCount || (now!.asOf?.getTime() ?? null) !== (current.approvedAsOf?.getTime() ?? null)) {
      throw new AppError("CONFLICT", "Approved claims have changed since this preview was computed. Compute the preview again, review it, then lock it.");
    }
    await tx.distributionRun.update({ where: { id: runId }, data: { status: "LOCKED", lockedAt: new Date(), lockedById: actor.userId, lockReason: reason } });
    // One payment per claim the run pays, to be marked from the processors' status files.
    await tx.$executeRaw`
      INSERT INTO "Payment" ("runId", "claimId", "matterId", "amountCents")
      SELECT "runId", "claimId", ${matterId}::uuid, "amountCents" FROM "Allocation" WHERE "runId" = ${runId}::uuid AND "amountCents" > 0`;
    await appendAudit(tx, actor, {
      matterId,
      action: "distribution.lock",
      entityId: runId,
      details: {
        netFundCents: String(current.netFundCents),
        allocatedCents: String(current.allocatedCents),
        residueCents: String(current.residueCents),
        claims: current.claimCount,
        reason,
      },
    });
  });
}
