import "server-only";
import { v7 as uuidv7 } from "uuid";
import { parseInput } from "@/lib/schemas/parse";
import { ZCreateFact } from "@/lib/schemas/chronology";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { checkFactReferences, factSnapshot, formSources } from "@/lib/server/chronology/fact-input";
import { db } from "@/lib/server/db";
import { claimSubmissionKey } from "@/lib/server/idempotency";

// A fact typed in by hand. Two submits of one form make one fact.
export async function createFact(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "chronology.write");
  const { submissionKey, ...data } = parseInput(ZCreateFact, input);
  const id = uuidv7();
  return db.$transaction(async (tx) => {
    const firstId = await claimSubmissionKey(tx, { key: submissionKey, actorId: actor.userId, entityType: "ChronologyFact", entityId: id });
    if (firstId) return tx.chronologyFact.findUniqueOrThrow({ where: { id: firstId } });
    await checkFactReferences(tx, matterId, data);
    const sources = formSources(matterId, data);
    const elementIds = [...new Set(data.elementIds)];
    const fact = await tx.chronologyFact.create({
      data: {
        id,
        matterId,
        startDate: data.startDate,
        endDate: data.endDate,
        precision: data.precision,
        description: data.description,
        tags: data.tags ?? [],
        disputed: data.disputed,
        disputedBy: data.disputed ? (data.disputedBy ?? null) : null,
        disputeReason: data.disputed ? (data.disputeReason ?? null) : null,
        createdById: actor.userId,
        elements: { create: elementIds.map((elementId) => ({ elementId })) },
      },
    });
    if (sources.length) await tx.chronologySource.createMany({ data: sources.map((s) => ({ ...s, factId: id })) });
    await appendAudit(tx, actor, {
      matterId,
      action: "chronology.create",
      entityId: id,
      details: { factId: id, from: "form", after: factSnapshot({ ...data, elementIds, sources }) },
    });
    return fact;
  });
}
