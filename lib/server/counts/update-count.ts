import "server-only";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZUpdateCount } from "@/lib/schemas/count";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { isUniqueViolation } from "@/lib/server/db-errors";

export async function updateCount(actor: Actor, matterId: string, countId: string, input: unknown) {
  if (!isUuid(countId)) throw AppError.notFound("Count not found");
  const current = await db.count.findUnique({ where: { id: countId } });
  if (!current || current.matterId !== matterId) throw AppError.notFound("Count not found");
  await requirePermission(actor, current.matterId, "counts.write");
  const data = parseInput(ZUpdateCount, input);
  const next = { ...data, statute: data.statute ?? null, description: data.description ?? null };
  try {
    return await db.$transaction(async (tx) => {
      const count = await tx.count.update({ where: { id: countId }, data: next });
      await appendAudit(tx, actor, {
        matterId: current.matterId,
        action: "count.update",
        entityId: countId,
        details: {
          before: { number: current.number, title: current.title, statute: current.statute, description: current.description },
          after: next,
        },
      });
      return count;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.validation({ number: [`Count ${data.number} already exists in this matter`] });
    throw error;
  }
}
