"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/server/actions/action-client";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { claimSubmitLimits } from "@/lib/server/rate-limit/limits";

export const submitClaimAction = publicAction(
  (request, input) => claimSubmitLimits(request.ip ?? "unknown", typeof input.email === "string" ? input.email.toLowerCase() : undefined),
  async ({ request, input }, matterSlug: string) => {
    const result = await submitClaim(matterSlug, input, request);
    redirect(`/claim/${matterSlug}/submitted?number=${encodeURIComponent(result.number)}`);
  },
);
