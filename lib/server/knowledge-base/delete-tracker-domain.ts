import "server-only";
import { AppError } from "@/lib/app-error";
import { ZKbRowRef } from "@/lib/schemas/knowledge-base";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requireAccountPermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { factSnapshot } from "@/lib/server/network/kb-snapshot";

// Removes a stored global row of any layer (a matter's own override is cleared from the matter's
// page). The rows shipped with the code cannot be deleted here; a stored row of ours replaces one.
export async function deleteTrackerDomain(actor: Actor, input: unknown) {
  requireAccountPermission(actor, "admin.kb");
  const { id } = parseInput(ZKbRowRef, input);
  return db.$transaction(async (tx) => {
    const row = await tx.trackerDomain.findFirst({ where: { id, scope: "global" } });
    if (!row) throw AppError.notFound("That knowledge-base row no longer exists.");
    await tx.trackerDomain.delete({ where: { id } });
    await appendAudit(tx, actor, {
      matterId: null,
      action: "tracker-domain.delete",
      entityId: id,
      details: { domain: row.domain, layer: row.layer, before: factSnapshot(row) },
    });
    return row;
  });
}
