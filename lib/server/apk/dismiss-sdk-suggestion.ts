import "server-only";
import { AppError } from "@/lib/app-error";
import { SDK_DECISION_ENTRY, sdkDecisionRule } from "@/lib/analyzer/suggest-sdk";
import { parseInput } from "@/lib/schemas/parse";
import { ZDismissSdkSuggestion } from "@/lib/schemas/network";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { findSdkSuggestion } from "@/lib/server/apk/find-sdk-suggestion";

// Dismissing keeps the reason and holds for every later analysis of the same package bytes.
export async function dismissSdkSuggestion(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "evidence.link");
  const { reason, ...ref } = parseInput(ZDismissSdkSuggestion, input);
  const s = await findSdkSuggestion(matterId, ref);
  if (s.decided?.decision === "ACCEPTED") throw new AppError("CONFLICT", "This suggestion was accepted; remove the evidence link instead.");
  const key = { allegationId: s.allegationId, exhibitSha256: s.exhibitSha256, entryIndex: SDK_DECISION_ENTRY, ruleId: sdkDecisionRule(s.sdkPrefix) };
  return db.$transaction(async (tx) => {
    const { count } = await tx.suggestionDecision.createMany({ data: [{ matterId, ...key, decision: "DISMISSED", reason, decidedById: actor.userId }], skipDuplicates: true });
    const decision = await tx.suggestionDecision.findUniqueOrThrow({ where: { allegationId_exhibitSha256_entryIndex_ruleId: key } });
    if (count === 1) {
      await appendAudit(tx, actor, {
        matterId,
        action: "sdk-suggestion.dismiss",
        entityId: decision.id,
        details: { allegationId: s.allegationId, paragraph: s.paragraph, exhibit: s.exhibitLabel, exhibitSha256: s.exhibitSha256, sdkPrefix: s.sdkPrefix, reason },
      });
    }
    return decision;
  });
}
