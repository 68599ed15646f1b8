import "server-only";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZElementText } from "@/lib/schemas/count";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";

export async function updateElement(actor: Actor, matterId: string, elementId: string, input: unknown) {
  if (!isUuid(elementId)) throw AppError.notFound("Element not found");
  const element = await db.element.findUnique({ where: { id: elementId }, include: { count: { select: { matterId: true } } } });
  if (!element || element.count.matterId !== matterId) throw AppError.notFound("Element not found");
  await requirePermission(actor, element.count.matterId, "counts.write");
  const { text } = parseInput(ZElementText, input);
  return db.$transaction(async (tx) => {
    const updated = await tx.element.update({ where: { id: elementId }, data: { text } });
    await appendAudit(tx, actor, {
      matterId: element.count.matterId,
      action: "element.update",
      entityId: elementId,
      details: { countId: element.countId, before: { text: element.text }, after: { text } },
    });
    return updated;
  });
}
