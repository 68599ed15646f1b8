import "server-only";
import { AppError } from "@/lib/app-error";
import { ZClaimDecisionRequest } from "@/lib/schemas/api-v1";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { approveClaim } from "@/lib/server/claims/approve-claim";
import { markDeficient } from "@/lib/server/claims/mark-deficient";
import { rejectClaim } from "@/lib/server/claims/reject-claim";

// The claim page's decisions for scripts, through the same use cases: approve and reject need an
// attorney (claims.decide), a deficiency notice the team (claims.review); each checks the claim's
// status allows it (409 otherwise), writes its event, audit row and mail.
export async function decideClaimForApi(actor: Actor, matterId: string, claimId: string, input: unknown) {
  await requirePermission(actor, matterId, "matter.read");
  const { decision, ...fields } = parseInput(ZClaimDecisionRequest, input);
  if (decision === "approve") await approveClaim(actor, matterId, claimId, fields);
  else if (decision === "reject") await rejectClaim(actor, matterId, claimId, fields);
  else await markDeficient(actor, matterId, claimId, fields);
  const claim = await db.claim.findFirst({ where: { id: claimId, matterId }, select: { id: true, number: true, status: true } });
  if (!claim) throw AppError.notFound("Claim not found");
  return { claim };
}
