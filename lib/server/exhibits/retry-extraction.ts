import "server-only";
import { AppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";
import { enqueue } from "@/lib/server/jobs/boss";

export async function retryExtraction(actor: Actor, matterId: string, exhibitId: string): Promise<void> {
  await requirePermission(actor, matterId, "exhibits.retry-extraction");
  await db.$transaction(async (tx) => {
    const exhibit = await findExhibitInMatter(matterId, exhibitId, tx);
    if (exhibit.extractionStatus !== "FAILED") throw new AppError("CONFLICT", "Only a failed extraction can be retried.");
    await tx.exhibit.update({ where: { id: exhibitId }, data: { extractionStatus: "QUEUED", extractionError: null } });
    await appendAudit(tx, actor, { matterId, action: "exhibit.retry-extraction", entityId: exhibitId, details: { previousError: exhibit.extractionError } });
  });
  await enqueue("exhibit-extract", { exhibitId }, { singletonKey: exhibitId });
}
