import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { ZStartIntake } from "@/lib/schemas/intake";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { claimSubmissionKey } from "@/lib/server/idempotency";
import { enqueue } from "@/lib/server/jobs/boss";
import { logger } from "@/lib/server/logger";

// Starts the intake job over a staged ZIP (and load file). Two submits make one batch.
export async function startIntake(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "exhibits.upload");
  const { submissionKey, ...data } = parseInput(ZStartIntake, input);
  const staged = await db.blob.findMany({ where: { sha256: { in: [data.archiveSha256, ...(data.loadFileSha256 ? [data.loadFileSha256] : [])] } }, select: { sha256: true, mediaType: true } });
  const kind = new Map(staged.map((b) => [b.sha256, b.mediaType]));
  if (kind.get(data.archiveSha256) !== "application/zip") throw AppError.validation({ archiveSha256: ["Upload the ZIP archive first"] });
  if (data.loadFileSha256 && !kind.has(data.loadFileSha256)) throw AppError.validation({ loadFileSha256: ["Upload the load file first"] });

  const id = uuidv7();
  const batch = await db.$transaction(async (tx) => {
    const firstId = await claimSubmissionKey(tx, { key: submissionKey, actorId: actor.userId, entityType: "IntakeBatch", entityId: id });
    if (firstId) return tx.intakeBatch.findUniqueOrThrow({ where: { id: firstId } });
    const created = await tx.intakeBatch.create({
      data: {
        id,
        matterId,
        archiveName: data.archiveName,
        archiveSha256: data.archiveSha256,
        loadFileName: data.loadFileName ?? null,
        loadFileSha256: data.loadFileSha256 ?? null,
        createdById: actor.userId,
      },
    });
    await appendAudit(tx, actor, {
      matterId,
      action: "intake.start",
      entityId: id,
      details: { archiveName: data.archiveName, archiveSha256: data.archiveSha256, loadFileName: data.loadFileName ?? null, loadFileSha256: data.loadFileSha256 ?? null },
    });
    return created;
  });
  if (batch.id === id) {
    // A lost send is found again at worker start (unsafeFindLostIntakeBatches).
    await enqueue("intake-batch", { batchId: id }, { singletonKey: id }).catch((err: unknown) => logger.error({ err, batchId: id }, "could not enqueue an intake batch"));
  }
  return batch;
}
