import "server-only";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZClearFlag } from "@/lib/schemas/allegation";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { loadAllegationFor } from "@/lib/server/allegations/load-allegation";

export async function clearFlag(actor: Actor, matterId: string, allegationId: string, input: unknown) {
  const current = await loadAllegationFor(actor, matterId, allegationId, "allegations.flag");
  const { reason } = parseInput(ZClearFlag, input);
  const severity = current.flagSeverity;
  if (!severity) throw new AppError("CONFLICT", "This allegation is not flagged.");
  return db.$transaction(async (tx) => {
    const updated = await tx.allegation.update({
      where: { id: allegationId },
      data: { flagSeverity: null, flagReason: null, flaggedAt: null, flaggedById: null },
    });
    await appendAudit(tx, actor, {
      matterId: current.matterId,
      action: "allegation.clear-flag",
      entityId: allegationId,
      details: { allegationId, before: { severity, reason: current.flagReason }, reason },
    });
    return updated;
  });
}
