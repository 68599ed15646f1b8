import "server-only";
import { allegationFactKey, allegationPeriodFact } from "@/lib/chronology/generated-facts";
import { DATA_CATEGORY_LABELS } from "@/lib/schemas/allegation";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { insertGeneratedFacts, type GeneratedFact } from "@/lib/server/chronology/insert-generated";
import { db } from "@/lib/server/db";

// One fact per data-transfer allegation that records an observed period, sourced to the allegation.
export async function buildFromAllegations(actor: Actor, matterId: string): Promise<{ created: number; existing: number }> {
  await requirePermission(actor, matterId, "chronology.write");
  const transfers = await db.dataTransfer.findMany({
    where: { allegation: { matterId, withdrawnAt: null }, OR: [{ observedFrom: { not: null } }, { observedTo: { not: null } }] },
    include: { allegation: { select: { id: true, paragraphLabel: true, elements: { select: { elementId: true } } } } },
    orderBy: { allegation: { paragraphSortKey: "asc" } },
  });
  const facts: GeneratedFact[] = [];
  for (const t of transfers) {
    const fact = allegationPeriodFact({
      paragraphLabel: t.allegation.paragraphLabel,
      destinationHost: t.destinationHost,
      recipientOrg: t.recipientOrg,
      categories: t.dataCategories.map((c) => DATA_CATEGORY_LABELS[c]),
      observedFrom: t.observedFrom,
      observedTo: t.observedTo,
    });
    // The fact bears on the elements its allegation serves.
    const elementIds = t.allegation.elements.map((e) => e.elementId);
    if (fact) facts.push({ ...fact, elementIds, key: allegationFactKey(t.allegation.id), source: { kind: "ALLEGATION", allegationId: t.allegation.id } });
  }
  return db.$transaction(async (tx) => {
    const { created, existing } = await insertGeneratedFacts(tx, matterId, actor.userId, facts);
    await appendAudit(tx, actor, { matterId, action: "chronology.build", entityId: matterId, details: { from: "allegations", created: created.length, existing } });
    return { created: created.length, existing };
  });
}
