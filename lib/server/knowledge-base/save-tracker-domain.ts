import "server-only";
import { ZSaveTrackerDomain } from "@/lib/schemas/knowledge-base";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { calendarDay, factSnapshot, sameFact } from "@/lib/server/network/kb-snapshot";

// Adds or corrects a global row of our own layer (it outranks the CSV and Exodus layers, and a
// stored row replaces the shipped row of the same domain). Keyed by the domain, so a second submit
// of the same form changes nothing and writes no second audit row. Later analyses record a new KB
// version; earlier ones keep the one they used.
export async function saveTrackerDomain(actor: Actor, input: unknown) {
  requireAccountPermission(actor, "admin.kb");
  const data = parseInput(ZSaveTrackerDomain, input);
  const fact = {
    organisation: data.organisation,
    parent: data.parent || null,
    country: data.country ?? null,
    category: data.category,
    source: data.source,
    checkedOn: calendarDay(data.checkedOn),
  };
  return db.$transaction(async (tx) => {
    const key = { layer: "OURS" as const, scope: "global", domain: data.domain };
    const before = await tx.trackerDomain.findUnique({ where: { layer_scope_domain: key } });
    if (before && sameFact(before, fact)) return { row: before, changed: false };
    const row = await tx.trackerDomain.upsert({ where: { layer_scope_domain: key }, update: fact, create: { ...key, ...fact, createdById: actor.userId } });
    await appendAudit(tx, actor, {
      matterId: null,
      action: "tracker-domain.save",
      entityId: row.id,
      details: { domain: data.domain, layer: "OURS", before: before ? factSnapshot(before) : null, after: factSnapshot(fact) },
    });
    return { row, changed: true };
  });
}
