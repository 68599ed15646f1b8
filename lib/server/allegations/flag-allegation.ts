import "server-only";
import { parseInput } from "@/lib/schemas/parse";
import { ZFlagAllegation } from "@/lib/schemas/allegation";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { loadAllegationFor } from "@/lib/server/allegations/load-allegation";

export async function flagAllegation(actor: Actor, matterId: string, allegationId: string, input: unknown) {
  const current = await loadAllegationFor(actor, matterId, allegationId, "allegations.flag", { live: true });
  const { severity, reason } = parseInput(ZFlagAllegation, input);
  return db.$transaction(async (tx) => {
    const updated = await tx.allegation.update({
      where: { id: allegationId },
      data: { flagSeverity: severity, flagReason: reason, flaggedAt: new Date(), flaggedById: actor.userId },
    });
    await appendAudit(tx, actor, {
      matterId: current.matterId,
      action: "allegation.flag",
      entityId: allegationId,
      details: {
        allegationId,
        before: current.flagSeverity ? { severity: current.flagSeverity, reason: current.flagReason } : null,
        after: { severity, reason },
      },
    });
    return updated;
  });
}
