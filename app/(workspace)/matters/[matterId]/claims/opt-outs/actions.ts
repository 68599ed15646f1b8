"use server";

import { revalidatePath } from "next/cache";
import { done, matterAction } from "@/lib/server/actions/action-client";
import { revokeOptOut } from "@/lib/server/settlement/revoke-opt-out";

export const revokeOptOutAction = matterAction("opt-outs.revoke", async ({ actor, input }, matterId, optOutId: string) => {
  const { number } = await revokeOptOut(actor, matterId, optOutId, input);
  revalidatePath(`/matters/${matterId}/claims/opt-outs/${optOutId}`);
  return done(`Opt-out ${number} marked revoked.`);
});
