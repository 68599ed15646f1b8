"use server";

import { revalidatePath } from "next/cache";
import { done, matterAction } from "@/lib/server/actions/action-client";
import { approveClaim } from "@/lib/server/claims/approve-claim";
import { bulkClaimAction } from "@/lib/server/claims/bulk-claim-action";
import { markDeficient } from "@/lib/server/claims/mark-deficient";
import { markDuplicate } from "@/lib/server/claims/mark-duplicate";
import { recommendClaim } from "@/lib/server/claims/recommend-claim";
import { rejectClaim } from "@/lib/server/claims/reject-claim";
import { requestRescore } from "@/lib/server/claims/request-rescore";
import { verifyClaim } from "@/lib/server/claims/verify-claim";

const claimPath = (matterId: string, claimId: string) => `/matters/${matterId}/claims/${claimId}`;

export const verifyClaimAction = matterAction("claims.review", async ({ actor, input }, matterId, claimId: string) => {
  await verifyClaim(actor, matterId, claimId, input);
  revalidatePath(claimPath(matterId, claimId));
  return done("Claim verified.");
});

export const markDeficientAction = matterAction("claims.review", async ({ actor, input }, matterId, claimId: string) => {
  // One field ticked arrives as a string, several as an array.
  if (typeof input.fields === "string") input.fields = [input.fields];
  await markDeficient(actor, matterId, claimId, input);
  revalidatePath(claimPath(matterId, claimId));
  return done("Deficiency notice sent.");
});

export const recommendClaimAction = matterAction("claims.review", async ({ actor, input }, matterId, claimId: string) => {
  await recommendClaim(actor, matterId, claimId, input);
  revalidatePath(claimPath(matterId, claimId));
  return done("Recommendation recorded.");
});

export const approveClaimAction = matterAction("claims.decide", async ({ actor, input }, matterId, claimId: string) => {
  await approveClaim(actor, matterId, claimId, input);
  revalidatePath(claimPath(matterId, claimId));
  return done("Claim approved.");
});

export const rejectClaimAction = matterAction("claims.decide", async ({ actor, input }, matterId, claimId: string) => {
  await rejectClaim(actor, matterId, claimId, input);
  revalidatePath(claimPath(matterId, claimId));
  return done("Claim rejected.");
});

export const markDuplicateAction = matterAction("claims.decide", async ({ actor, input }, matterId, claimId: string) => {
  await markDuplicate(actor, matterId, claimId, input);
  revalidatePath(claimPath(matterId, claimId));
  return done("Claim marked as a duplicate.");
});

// Verifying in bulk needs claims.review, deciding claims.decide: the use case checks which.
export const bulkAction = matterAction("claims.review", async ({ actor, input }, matterId) => {
  if (typeof input.claimIds === "string") input.claimIds = [input.claimIds];
  const { done: changed, failed } = await bulkClaimAction(actor, matterId, input);
  revalidatePath(`/matters/${matterId}/claims`);
  const tail = failed.length ? ` ${failed.length} not changed: ${failed.slice(0, 3).map((f) => f.message).join(" ")}` : "";
  return done(`${changed.length} claim${changed.length === 1 ? "" : "s"} updated.${tail}`);
});

export const rescoreAction = matterAction("claims.rescore", async ({ actor }, matterId) => {
  const { started } = await requestRescore(actor, matterId);
  revalidatePath(`/matters/${matterId}/claims`);
  return done(started ? "Re-scoring started." : "Re-scoring is already under way.");
});
