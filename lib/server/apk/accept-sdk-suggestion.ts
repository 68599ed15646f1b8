import "server-only";
import { AppError } from "@/lib/app-error";
import { SDK_DECISION_ENTRY, sdkDecisionRule } from "@/lib/analyzer/suggest-sdk";
import { parseInput } from "@/lib/schemas/parse";
import { ZSdkSuggestionRef } from "@/lib/schemas/network";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { findSdkSuggestion } from "@/lib/server/apk/find-sdk-suggestion";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { keyUuid } from "@/lib/server/network/accept-suggestion";

// Accepting an SDK suggestion makes a real SUPPORTS link through linkEvidence (same checks, flag
// clearing, audit row; support status follows from the links), noting that the code is present
// in the package, not proof that it ran; then records the decision keyed on the package's bytes
// and the SDK prefix, so a later analysis of the same package does not suggest it again.
export async function acceptSdkSuggestion(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "evidence.link");
  const ref = parseInput(ZSdkSuggestionRef, input);
  const s = await findSdkSuggestion(matterId, ref);
  if (s.decided?.decision === "DISMISSED") throw new AppError("CONFLICT", "This suggestion was dismissed; it cannot be accepted now.");
  const key = { allegationId: s.allegationId, exhibitSha256: s.exhibitSha256, entryIndex: SDK_DECISION_ENTRY, ruleId: sdkDecisionRule(s.sdkPrefix) };

  const link = await linkEvidence(actor, matterId, s.allegationId, {
    exhibitId: s.exhibitId,
    relation: "SUPPORTS",
    pinCite: s.pinCite,
    note: `Suggested by the package analyzer: ${s.sdk} (${s.organisation}, prefix ${s.sdkPrefix}, ${s.classCount} classes) is code present in the package — not proof that it ran; accepted after review.`,
    submissionKey: keyUuid(`sdk-suggestion:${JSON.stringify(key)}`),
  });

  return db.$transaction(async (tx) => {
    const { count } = await tx.suggestionDecision.createMany({
      data: [{ matterId, ...key, decision: "ACCEPTED", evidenceLinkId: link.id, decidedById: actor.userId }],
      skipDuplicates: true,
    });
    const decision = await tx.suggestionDecision.findUniqueOrThrow({ where: { allegationId_exhibitSha256_entryIndex_ruleId: key } });
    if (count === 1) {
      await appendAudit(tx, actor, {
        matterId,
        action: "sdk-suggestion.accept",
        entityId: decision.id,
        details: { allegationId: s.allegationId, paragraph: s.paragraph, exhibit: s.exhibitLabel, exhibitSha256: s.exhibitSha256, sdkPrefix: s.sdkPrefix, evidenceLinkId: link.id, pinCite: s.pinCite },
      });
    }
    return { decision, link };
  });
}
