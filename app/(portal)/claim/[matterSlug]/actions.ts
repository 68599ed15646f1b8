"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/server/actions/action-client";
import { getClaimForm } from "@/lib/server/claims/get-claim-form";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { localizeError } from "@/lib/server/i18n/localize-error";
import { claimSubmitLimits } from "@/lib/server/rate-limit/limits";

export const submitClaimAction = publicAction(
  (request, input) => claimSubmitLimits(request.ip ?? "unknown", typeof input.email === "string" ? input.email.toLowerCase() : undefined),
  async ({ request, input }, matterSlug: string) => {
    let number: string;
    try {
      number = (await submitClaim(matterSlug, input, request)).number;
    } catch (error) {
      throw await localizeError(error, await eligibilityReasons(matterSlug));
    }
    redirect(`/claim/${matterSlug}/submitted?number=${encodeURIComponent(number)}`);
  },
);

// The form's criteria in Spanish, keyed by their English text (what the use case refuses with).
async function eligibilityReasons(matterSlug: string): Promise<Record<string, string>> {
  const form = await getClaimForm(matterSlug).catch(() => null);
  const out: Record<string, string> = {};
  for (const q of form?.definition.questions ?? []) if (q.kind === "yesno" && q.eligibility && q.es?.reason) out[q.eligibility.reason] = q.es.reason;
  return out;
}
