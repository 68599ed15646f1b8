import "server-only";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZElementText } from "@/lib/schemas/count";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";

export async function addElement(actor: Actor, matterId: string, countId: string, input: unknown) {
  if (!isUuid(countId)) throw AppError.notFound("Count not found");
  const count = await db.count.findUnique({ where: { id: countId } });
  if (!count || count.matterId !== matterId) throw AppError.notFound("Count not found");
  await requirePermission(actor, count.matterId, "counts.write");
  const { text } = parseInput(ZElementText, input);
  return db.$transaction(async (tx) => {
    // Serialises concurrent additions to one count so positions stay distinct.
    await tx.$executeRaw`SELECT 1 FROM "Count" WHERE id = ${countId}::uuid FOR UPDATE`;
    const last = await tx.element.aggregate({ where: { countId }, _max: { position: true } });
    const element = await tx.element.create({ data: { countId, text, position: (last._max.position ?? 0) + 1 } });
    await appendAudit(tx, actor, {
      matterId: count.matterId,
      action: "element.create",
      entityId: element.id,
      details: { countId, text, position: element.position },
    });
    return element;
  });
}
