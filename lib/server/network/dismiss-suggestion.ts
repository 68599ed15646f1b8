import "server-only";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZDismissSuggestion } from "@/lib/schemas/network";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { findSuggestion } from "@/lib/server/network/find-suggestion";

// Dismissing keeps the reason and holds for every later analysis of the same capture bytes.
export async function dismissSuggestion(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "evidence.link");
  const { reason, ...ref } = parseInput(ZDismissSuggestion, input);
  const suggestion = await findSuggestion(matterId, ref);
  if (suggestion.decided?.decision === "ACCEPTED") throw new AppError("CONFLICT", "This suggestion was accepted; remove the evidence link instead.");
  const key = { allegationId: suggestion.allegationId, exhibitSha256: suggestion.exhibitSha256, entryIndex: suggestion.entryIndex, ruleId: suggestion.detection.ruleId };
  return db.$transaction(async (tx) => {
    const { count } = await tx.suggestionDecision.createMany({ data: [{ matterId, ...key, decision: "DISMISSED", reason, decidedById: actor.userId }], skipDuplicates: true });
    const decision = await tx.suggestionDecision.findUniqueOrThrow({ where: { allegationId_exhibitSha256_entryIndex_ruleId: key } });
    if (count === 1) {
      await appendAudit(tx, actor, {
        matterId,
        action: "suggestion.dismiss",
        entityId: decision.id,
        details: { ...key, paragraph: suggestion.paragraph, exhibit: suggestion.exhibitLabel, reason },
      });
    }
    return decision;
  });
}
