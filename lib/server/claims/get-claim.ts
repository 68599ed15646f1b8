import "server-only";
import { AppError } from "@/lib/app-error";
import { eligibilityFailures, type Answers } from "@/lib/schemas/claim-form";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { getClaimFormDefinition } from "@/lib/server/claims/get-claim-form";

export async function getClaim(actor: Actor, matterId: string, claimId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  if (!isUuid(claimId)) throw AppError.notFound("Claim not found");
  const claim = await db.claim.findFirst({
    where: { id: claimId, matterId },
    include: {
      claimant: true,
      events: { orderBy: { at: "asc" }, include: { actor: { select: { name: true } } } },
      signals: { orderBy: { weight: "desc" } },
      attachments: { orderBy: { createdAt: "asc" } },
      duplicateOf: { select: { id: true, number: true } },
      decidedBy: { select: { name: true } },
      optOutMatches: { orderBy: { createdAt: "asc" }, include: { optOut: { select: { id: true, number: true, status: true, createdAt: true } } } },
    },
  });
  if (!claim) throw AppError.notFound("Claim not found");
  const matchedIds = claim.signals.map((s) => s.matchedClaimId).filter((x): x is string => !!x);
  const matched = await db.claim.findMany({ where: { id: { in: matchedIds }, matterId }, select: { id: true, number: true, status: true } });
  const def = await getClaimFormDefinition(matterId);
  const answers = claim.answers as Answers;
  return {
    claim,
    access,
    matchedClaims: Object.fromEntries(matched.map((m) => [m.id, m])),
    questions: def?.questions ?? [],
    eligibilityFailures: def ? eligibilityFailures(def, answers) : [],
    answers,
  };
}
