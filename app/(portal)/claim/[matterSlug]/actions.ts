"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { publicAction } from "@/lib/server/actions/action-client";
import { getClaimForm } from "@/lib/server/claims/get-claim-form";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { localizeError } from "@/lib/server/i18n/localize-error";
import { saveClaimDraft } from "@/lib/server/claims/save-claim-draft";
import { claimDraftLimits, claimSubmitLimits } from "@/lib/server/rate-limit/limits";

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

// "Save and finish later": the same form sent to another action. The page it lands on is the
// resumed form (its link, which was also e-mailed), saying that it was saved.
export const saveClaimDraftAction = publicAction(
  (request, input) => claimDraftLimits(request.ip ?? "unknown", typeof input.email === "string" ? input.email.toLowerCase() : undefined),
  async ({ request, input }, matterSlug: string) => {
    let token: string;
    try {
      token = (await saveClaimDraft(matterSlug, input, { ip: request.ip, locale: await getLocale() })).token;
    } catch (error) {
      throw await localizeError(error);
    }
    redirect(`/claim/${matterSlug}?draft=${encodeURIComponent(token)}&saved=1`);
  },
);

// The form's criteria in Spanish, keyed by their English text (what the use case refuses with).
async function eligibilityReasons(matterSlug: string): Promise<Record<string, string>> {
  const form = await getClaimForm(matterSlug).catch(() => null);
  const out: Record<string, string> = {};
  for (const q of form?.definition.questions ?? []) if (q.kind === "yesno" && q.eligibility && q.es?.reason) out[q.eligibility.reason] = q.es.reason;
  return out;
}
