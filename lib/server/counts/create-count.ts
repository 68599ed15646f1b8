import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZCreateCount } from "@/lib/schemas/count";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { claimSubmissionKey } from "@/lib/server/idempotency";
import { isUniqueViolation } from "@/lib/server/db-errors";

export async function createCount(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "counts.write");
  const { submissionKey, elements, ...data } = parseInput(ZCreateCount, input);
  const id = uuidv7();
  try {
    return await db.$transaction(async (tx) => {
      const firstId = await claimSubmissionKey(tx, { key: submissionKey, actorId: actor.userId, entityType: "Count", entityId: id });
      if (firstId) return tx.count.findUniqueOrThrow({ where: { id: firstId } });
      const count = await tx.count.create({
        data: {
          ...data,
          id,
          matterId,
          elements: { create: elements.map((text, i) => ({ text, position: i + 1 })) },
        },
      });
      await appendAudit(tx, actor, {
        matterId,
        action: "count.create",
        entityId: id,
        details: { after: { ...data, elements } },
      });
      return count;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.validation({ number: [`Count ${data.number} already exists in this matter`] });
    throw error;
  }
}
