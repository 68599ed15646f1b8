import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZCreateAllegation } from "@/lib/schemas/allegation";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { claimSubmissionKey } from "@/lib/server/idempotency";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { allegationSnapshot, checkAllegationReferences, dataTransferRow, duplicateParagraph, sdkPrefixesOf } from "@/lib/server/allegations/allegation-input";

export async function createAllegation(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "allegations.write");
  const { submissionKey, ...data } = parseInput(ZCreateAllegation, input);
  const id = uuidv7();
  try {
    return await db.$transaction(async (tx) => {
      const firstId = await claimSubmissionKey(tx, { key: submissionKey, actorId: actor.userId, entityType: "Allegation", entityId: id });
      if (firstId) return tx.allegation.findUniqueOrThrow({ where: { id: firstId } });
      // Inside the transaction so a retry of an already-saved form finds its record, not a ¶ clash.
      await checkAllegationReferences(tx, matterId, data);
      const dt = dataTransferRow(data);
      const allegation = await tx.allegation.create({
        data: {
          id,
          matterId,
          paragraph: data.paragraph,
          text: data.text,
          kind: data.kind,
          sdkPrefixes: sdkPrefixesOf(data),
          elements: { create: [...new Set(data.elementIds)].map((elementId) => ({ elementId })) },
          ...(dt && { dataTransfer: { create: dt } }),
        },
      });
      await appendAudit(tx, actor, {
        matterId,
        action: "allegation.create",
        entityId: id,
        details: { allegationId: id, after: allegationSnapshot(data) },
      });
      return allegation;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.validation({ paragraph: [duplicateParagraph(data.paragraph)] });
    throw error;
  }
}
