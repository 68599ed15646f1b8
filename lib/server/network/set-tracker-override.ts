import "server-only";
import { parseInput } from "@/lib/schemas/parse";
import { ZTrackerOverride } from "@/lib/schemas/network";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";

// Adds or corrects a tracker fact for one matter (scope = the matter): it outranks every global
// layer in that matter's later analyses (a new KB version), and earlier analyses keep what they
// recorded. Audited with the fact before and after.
export async function setTrackerOverride(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "captures.kb-override");
  const data = parseInput(ZTrackerOverride, input);
  const fact = {
    organisation: data.organisation,
    parent: data.parent || null,
    country: data.country ?? null,
    category: data.category,
    source: data.source,
    checkedOn: data.checkedOn ? new Date(`${data.checkedOn}T00:00:00Z`) : null,
  };
  return db.$transaction(async (tx) => {
    const key = { layer: "OURS" as const, scope: matterId, domain: data.domain };
    const before = await tx.trackerDomain.findUnique({ where: { layer_scope_domain: key } });
    const row = await tx.trackerDomain.upsert({ where: { layer_scope_domain: key }, update: fact, create: { ...key, ...fact, createdById: actor.userId } });
    const snap = (r: typeof fact) => ({ ...r, checkedOn: r.checkedOn ? r.checkedOn.toISOString().slice(0, 10) : null });
    await appendAudit(tx, actor, {
      matterId,
      action: "tracker-domain.override",
      entityId: row.id,
      details: { domain: data.domain, before: before ? snap(before) : null, after: snap(fact) },
    });
    return row;
  });
}
