import "server-only";
import { v7 as uuidv7 } from "uuid";
import { parseInput } from "@/lib/schemas/parse";
import { dateFromCalendar } from "@/lib/schemas/common";
import { ZCreatePlaintiff } from "@/lib/schemas/plaintiff";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { claimSubmissionKey } from "@/lib/server/idempotency";

export async function createPlaintiff(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "plaintiffs.write");
  const { submissionKey, ...data } = parseInput(ZCreatePlaintiff, input);
  const id = uuidv7();
  return db.$transaction(async (tx) => {
    const firstId = await claimSubmissionKey(tx, { key: submissionKey, actorId: actor.userId, entityType: "Plaintiff", entityId: id });
    if (firstId) return tx.plaintiff.findUniqueOrThrow({ where: { id: firstId } });

    const plaintiff = await tx.plaintiff.create({
      data: {
        ...data,
        id,
        matterId,
        firstUseFrom: dateFromCalendar(data.firstUseFrom),
        firstUseTo: dateFromCalendar(data.firstUseTo),
        createdById: actor.userId,
      },
    });
    await appendAudit(tx, actor, {
      matterId,
      action: "plaintiff.create",
      entityId: plaintiff.id,
      details: { after: data },
    });
    return plaintiff;
  });
}
