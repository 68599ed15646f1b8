import "server-only";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZReorderElements } from "@/lib/schemas/count";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";

// Rewrites every position of the count in one transaction from the full new order, so a reorder
// never leaves two elements at one position or one element missing.
export async function reorderElements(actor: Actor, matterId: string, countId: string, input: unknown) {
  if (!isUuid(countId)) throw AppError.notFound("Count not found");
  const count = await db.count.findUnique({ where: { id: countId } });
  if (!count || count.matterId !== matterId) throw AppError.notFound("Count not found");
  await requirePermission(actor, count.matterId, "counts.write");
  const { elementIds } = parseInput(ZReorderElements, input);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Count" WHERE id = ${countId}::uuid FOR UPDATE`;
    const current = await tx.element.findMany({ where: { countId }, orderBy: { position: "asc" }, select: { id: true } });
    const currentIds = current.map((e) => e.id);
    const same = currentIds.length === elementIds.length && new Set(elementIds).size === elementIds.length && elementIds.every((id) => currentIds.includes(id));
    if (!same) throw AppError.validation({ elementIds: ["The new order must list every element of this count exactly once; reload and try again"] });
    for (const [i, id] of elementIds.entries()) {
      await tx.element.update({ where: { id }, data: { position: i + 1 } });
    }
    await appendAudit(tx, actor, {
      matterId: count.matterId,
      action: "count.reorder-elements",
      entityId: countId,
      details: { before: currentIds, after: elementIds },
    });
    return elementIds;
  });
}
