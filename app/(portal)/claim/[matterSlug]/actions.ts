"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { formDataToObject } from "@/lib/schemas/parse";
import { requestContext } from "@/lib/server/claims/request-context";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { claimSubmitLimits } from "@/lib/server/rate-limit/limits";
import { enforce } from "@/lib/server/rate-limit/rate-limit";
import { runAction } from "@/lib/server/run-action";

export async function submitClaimAction(matterSlug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const ctx = await requestContext();
    const input = formDataToObject(form);
    await enforce(claimSubmitLimits(ctx.ip ?? "unknown", typeof input.email === "string" ? input.email.toLowerCase() : undefined));
    const result = await submitClaim(matterSlug, input, ctx);
    redirect(`/claim/${matterSlug}/submitted?number=${encodeURIComponent(result.number)}`);
  });
}
