"use server";

import { revalidatePath } from "next/cache";
import { done, matterAction } from "@/lib/server/actions/action-client";
import { setExhibitPublished } from "@/lib/server/settlement-site/set-exhibit-published";
import { updateSettlementSite } from "@/lib/server/settlement-site/update-settlement-site";

export const updateSettlementSiteAction = matterAction("site.edit", async ({ actor, input }, matterId) => {
  await updateSettlementSite(actor, matterId, input);
  revalidatePath(`/matters/${matterId}/settlement-site`);
  return done("Website text saved.");
});

export const publishExhibitAction = matterAction("exhibits.publish", async ({ actor, input }, matterId, exhibitId: string) => {
  const exhibit = await setExhibitPublished(actor, matterId, exhibitId, input);
  revalidatePath(`/matters/${matterId}/settlement-site`);
  return done(exhibit.publishedOnSite ? "Published on the settlement website." : "Taken off the settlement website.");
});
