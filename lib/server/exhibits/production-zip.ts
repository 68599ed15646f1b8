import "server-only";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/app-error";
import { batesLabel } from "@/lib/bates/format";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { unsafePackageProduction } from "@/lib/server/exhibits/package-production";
import { checkStoredBlob, openVerified } from "@/lib/server/storage/open-verified";

// The production as delivered: the ZIP packaged when it was made (package-production.ts), the
// same bytes on every download, re-verified against the SHA-256 the production log shows.
export async function openProductionZip(actor: Actor, matterId: string, productionId: string): Promise<{ stream: Readable; fileName: string }> {
  await requirePermission(actor, matterId, "matter.read");
  if (!isUuid(productionId)) throw AppError.notFound("Production not found");
  const production = await db.production.findFirst({ where: { id: productionId, matterId }, include: { matter: { select: { slug: true } } } });
  if (!production) throw AppError.notFound("Production not found");
  // A production whose packaging was cut off (the process stopped right after it committed)
  // is packaged now; packaging is deterministic, so this is the ZIP it would have had.
  // An image production is packaged by its job (page rendering never runs on a request).
  if (!production.zipSha256 && production.imageFormat) {
    throw new AppError(
      "CONFLICT",
      production.packagingError
        ? `This production's page images could not be rendered: ${production.packagingError}`
        : "This production's page images are still being rendered; the ZIP can be downloaded when they are done.",
    );
  }
  const zip = production.zipSha256 ? { sha256: production.zipSha256 } : await unsafePackageProduction(actor, production.id);
  if (!(await checkStoredBlob(zip.sha256)).ok) throw new AppError("CONFLICT", "The production's ZIP no longer matches its SHA-256 in the store; it was not sent.");
  await db.$transaction((tx) =>
    appendAudit(tx, actor, { matterId, action: "production.download", entityId: production.id, details: { files: 1, zipSha256: zip.sha256 } }),
  );
  const stream = await openVerified(zip.sha256);
  return { stream, fileName: `${production.matter.slug}-${production.volume ?? batesLabel(production.batesPrefix, production.batesStart)}.zip` };
}
