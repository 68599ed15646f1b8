"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { publicAction } from "@/lib/server/actions/action-client";
import { settlementResponseLimits } from "@/lib/server/rate-limit/limits";
import { submitOptOut } from "@/lib/server/settlement/submit-opt-out";

export const submitOptOutAction = publicAction(
  (request, input) => settlementResponseLimits("opt-out", request.ip ?? "unknown", typeof input.email === "string" ? input.email.toLowerCase() : undefined),
  async ({ request, input }, matterSlug: string) => {
    const result = await submitOptOut(matterSlug, input, { ip: request.ip, locale: await getLocale() });
    redirect(`/settlements/${matterSlug}/opt-out/confirmation?ref=${encodeURIComponent(result.number)}`);
  },
);
