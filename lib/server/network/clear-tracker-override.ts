import "server-only";
import { AppError } from "@/lib/app-error";
import { ZClearTrackerOverride } from "@/lib/schemas/knowledge-base";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { factSnapshot } from "@/lib/server/network/kb-snapshot";

// Removes a matter's own tracker fact: the global layers apply again in the matter's later
// analyses (a new KB version); earlier analyses keep what they recorded. Audited with the fact.
export async function clearTrackerOverride(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "captures.kb-override");
  const { domain } = parseInput(ZClearTrackerOverride, input);
  return db.$transaction(async (tx) => {
    const row = await tx.trackerDomain.findUnique({ where: { layer_scope_domain: { layer: "OURS", scope: matterId, domain } } });
    if (!row) throw AppError.notFound("This matter has no fact of its own for that domain.");
    await tx.trackerDomain.delete({ where: { id: row.id } });
    await appendAudit(tx, actor, { matterId, action: "tracker-domain.clear-override", entityId: row.id, details: { domain, before: factSnapshot(row) } });
    return row;
  });
}
