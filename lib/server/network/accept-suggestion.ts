import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { ZSuggestionRef } from "@/lib/schemas/network";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { findSuggestion } from "@/lib/server/network/find-suggestion";

// The decision's key as a UUID (version 5 layout): the link it creates is made under this
// submission key, so a retry, a double click or a second tab finds the first link, not a new one.
export function keyUuid(text: string): string {
  const h = createHash("sha256").update(text).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// Accepting a suggestion makes a real SUPPORTS link through linkEvidence (same checks, flag
// clearing, audit row; support status is derived from links, so it follows), then records the
// decision, keyed so that a later analysis of the same capture does not suggest it again.
export async function acceptSuggestion(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "evidence.link");
  const ref = parseInput(ZSuggestionRef, input);
  const suggestion = await findSuggestion(matterId, ref);
  const key = { allegationId: suggestion.allegationId, exhibitSha256: suggestion.exhibitSha256, entryIndex: suggestion.entryIndex, ruleId: suggestion.detection.ruleId };
  if (suggestion.decided?.decision === "DISMISSED") throw new AppError("CONFLICT", "This suggestion was dismissed; it cannot be accepted now.");

  const link = await linkEvidence(actor, matterId, suggestion.allegationId, {
    exhibitId: suggestion.exhibitId,
    relation: "SUPPORTS",
    pinCite: suggestion.pinCite,
    note: `Suggested by the capture analyzer: ${suggestion.method} ${suggestion.host} carried ${suggestion.detection.category} (rule ${suggestion.detection.ruleId}); accepted after review.`,
    submissionKey: keyUuid(`suggestion:${JSON.stringify(key)}`),
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
        action: "suggestion.accept",
        entityId: decision.id,
        details: { ...key, paragraph: suggestion.paragraph, exhibit: suggestion.exhibitLabel, evidenceLinkId: link.id, pinCite: suggestion.pinCite },
      });
    }
    return { decision, link };
  });
}
