import "server-only";
import { parseInput } from "@/lib/schemas/parse";
import { ZDeleteFact } from "@/lib/schemas/chronology";
import type { Actor } from "@/lib/server/auth/actor";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { factSnapshot } from "@/lib/server/chronology/fact-input";
import { loadFactFor } from "@/lib/server/chronology/load-fact";
import { db } from "@/lib/server/db";

// Deleting marks the fact deleted: a generated fact's key stays taken, so building again does not
// bring back what a person removed, and the audit row keeps what it said and why it went.
export async function deleteFact(actor: Actor, matterId: string, factId: string, input: unknown) {
  const current = await loadFactFor(actor, matterId, factId, "chronology.write");
  const { reason } = parseInput(ZDeleteFact, input);
  await db.$transaction(async (tx) => {
    const { count } = await tx.chronologyFact.updateMany({ where: { id: factId, deletedAt: null }, data: { deletedAt: new Date() } });
    if (count === 0) return;
    await appendAudit(tx, actor, {
      matterId: current.matterId,
      action: "chronology.delete",
      entityId: factId,
      details: { factId, reason, before: factSnapshot({ ...current, elementIds: current.elements.map((e) => e.elementId) }) },
    });
  });
}
