"use server";

import { revalidatePath } from "next/cache";
import { done, matterAction } from "@/lib/server/actions/action-client";
import { updateMatterDetails } from "@/lib/server/matters/update-matter-details";

export const updateMatterDetailsAction = matterAction("matter.edit", async ({ actor, input }, matterId) => {
  await updateMatterDetails(actor, matterId, input);
  // The caption bar shows the court and case number on every page of the matter.
  revalidatePath(`/matters/${matterId}`, "layout");
  return done("Matter details saved.");
});
