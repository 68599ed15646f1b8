"use server";

import { revalidatePath } from "next/cache";
import { matterAction, done } from "@/lib/server/actions/action-client";
import { clearTrackerOverride } from "@/lib/server/network/clear-tracker-override";
import { setTrackerOverride } from "@/lib/server/network/set-tracker-override";

export const setTrackerOverrideAction = matterAction("captures.kb-override", async ({ actor, input }, matterId) => {
  const row = await setTrackerOverride(actor, matterId, input);
  revalidatePath(`/matters/${matterId}/data-flows/knowledge-base`);
  return done(`Saved ${row.domain} for this matter. Its next analyses use it; earlier ones keep what they recorded.`);
});

export const clearTrackerOverrideAction = matterAction("captures.kb-override", async ({ actor, input }, matterId) => {
  const row = await clearTrackerOverride(actor, matterId, input);
  revalidatePath(`/matters/${matterId}/data-flows/knowledge-base`);
  return done(`Cleared ${row.domain}; the global knowledge base applies again.`);
});
