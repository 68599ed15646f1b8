"use server";

import { revalidatePath } from "next/cache";
import { done, matterAction } from "@/lib/server/actions/action-client";
import { createServiceToken } from "@/lib/server/api-tokens/create-service-token";
import { revokeServiceToken } from "@/lib/server/api-tokens/revoke-service-token";
import { updateMatterDetails } from "@/lib/server/matters/update-matter-details";

export const updateMatterDetailsAction = matterAction("matter.edit", async ({ actor, input }, matterId) => {
  await updateMatterDetails(actor, matterId, input);
  // The caption bar shows the court and case number on every page of the matter.
  revalidatePath(`/matters/${matterId}`, "layout");
  return done("Matter details saved.");
});

// The claim-feed token is in this answer only; the list is refreshed without it.
export const createServiceTokenAction = matterAction("claims.feed-tokens", async ({ actor, input }, matterId) => {
  const { token } = await createServiceToken(actor, matterId, input);
  revalidatePath(`/matters/${matterId}/settings`);
  return { status: "success", message: "Claim-feed token created. Copy it now: it will not be shown again.", reveal: [token] };
});

export const revokeServiceTokenAction = matterAction("claims.feed-tokens", async ({ actor, input }, matterId) => {
  await revokeServiceToken(actor, matterId, input);
  revalidatePath(`/matters/${matterId}/settings`);
  return done("Token revoked. Claims sent with it are refused from now on.");
});
