import "server-only";
import type { PageRenderer } from "@/lib/productions/page-images";
import { RendererMissing } from "@/lib/productions/page-images";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { unsafePackageProduction } from "@/lib/server/exhibits/package-production";
import { logger } from "@/lib/server/logger";
import { ExtractionFailed } from "@/lib/server/sandbox/extract-in-sandbox";

// Job handler for an image production (no actor: the audit rows are the producing attorney's).
// Renders and packages once; a page that cannot be rendered (the sandbox's time or memory limit,
// a missing renderer) is recorded on the production with its reason, which the productions page
// shows, and a later run that succeeds clears it. Anything else fails the job so pg-boss retries.
export async function unsafeRunProductionPackage(productionId: string, options: { renderer?: PageRenderer } = {}): Promise<void> {
  const production = await db.production.findUnique({ where: { id: productionId }, select: { id: true, matterId: true, zipSha256: true, createdById: true, volume: true } });
  if (!production || production.zipSha256) return;
  const actor = { userId: production.createdById };
  try {
    await unsafePackageProduction(actor, production.id, options);
  } catch (error) {
    if (!(error instanceof ExtractionFailed || error instanceof RendererMissing)) throw error;
    const reason = error.message.split("\n")[0]!.slice(0, 500);
    logger.warn({ productionId, reason }, "production page images could not be rendered");
    await db.$transaction(async (tx) => {
      const marked = await tx.production.updateMany({ where: { id: production.id, zipSha256: null }, data: { packagingError: reason } });
      if (marked.count === 0) return;
      await appendAudit(tx, actor, { matterId: production.matterId, action: "production.package-failed", entityId: production.id, details: { reason } });
    });
  }
}

// Image productions not yet packaged nor failed (a crash, a lost send); re-sent at worker start.
export async function unsafeFindUnpackagedProductions(): Promise<{ data: { productionId: string }; singletonKey: string }[]> {
  const lost = await db.production.findMany({ where: { imageFormat: { not: null }, zipSha256: null, packagingError: null }, select: { id: true }, take: 1000 });
  return lost.map((p) => ({ data: { productionId: p.id }, singletonKey: p.id }));
}
