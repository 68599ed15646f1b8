"use server";

import { revalidatePath } from "next/cache";
import { done, matterAction } from "@/lib/server/actions/action-client";
import { setMatterTwoFactorRequirement } from "@/lib/server/matters/set-matter-two-factor-requirement";

export const setMatterTwoFactorRequirementAction = matterAction("matter.security", async ({ actor, input }, matterId) => {
  await setMatterTwoFactorRequirement(actor, matterId, input);
  revalidatePath(`/matters/${matterId}`);
  return done("Setting saved.");
});
