import "server-only";
import { parseInput } from "@/lib/schemas/parse";
import { ZUpdateFact } from "@/lib/schemas/chronology";
import type { Actor } from "@/lib/server/auth/actor";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { checkFactReferences, factSnapshot, formSources } from "@/lib/server/chronology/fact-input";
import { loadFactFor } from "@/lib/server/chronology/load-fact";
import { db } from "@/lib/server/db";

// Changes a fact. The form edits its exhibit and allegation sources; a capture's requests and a
// claims-administration milestone, which only their build actions set, stay as they are.
export async function updateFact(actor: Actor, matterId: string, factId: string, input: unknown) {
  const current = await loadFactFor(actor, matterId, factId, "chronology.write");
  const data = parseInput(ZUpdateFact, input);
  const elementIds = [...new Set(data.elementIds)];
  return db.$transaction(async (tx) => {
    await checkFactReferences(tx, current.matterId, data);
    const kept = current.sources.filter((s) => s.kind === "CAPTURE" || s.kind === "CLAIMS");
    const sources = formSources(current.matterId, data);
    await tx.chronologySource.deleteMany({ where: { factId, kind: { in: ["EXHIBIT", "ALLEGATION"] } } });
    if (sources.length) await tx.chronologySource.createMany({ data: sources.map((s) => ({ ...s, factId })) });
    await tx.chronologyFactElement.deleteMany({ where: { factId } });
    const fact = await tx.chronologyFact.update({
      where: { id: factId },
      data: {
        startDate: data.startDate,
        endDate: data.endDate,
        precision: data.precision,
        description: data.description,
        tags: data.tags ?? [],
        disputed: data.disputed,
        disputedBy: data.disputed ? (data.disputedBy ?? null) : null,
        disputeReason: data.disputed ? (data.disputeReason ?? null) : null,
        elements: { create: elementIds.map((elementId) => ({ elementId })) },
      },
    });
    await appendAudit(tx, actor, {
      matterId: current.matterId,
      action: "chronology.update",
      entityId: factId,
      details: {
        factId,
        before: factSnapshot({ ...current, elementIds: current.elements.map((e) => e.elementId) }),
        after: factSnapshot({ ...data, elementIds, sources: [...kept, ...sources] }),
      },
    });
    return fact;
  });
}
