"use server";

import { revalidatePath } from "next/cache";
import { done, matterAction } from "@/lib/server/actions/action-client";
import { computeDistribution } from "@/lib/server/distribution/compute-distribution";
import { lockDistribution } from "@/lib/server/distribution/lock-distribution";

const path = (matterId: string) => `/matters/${matterId}/claims/distribution`;

export const computeDistributionAction = matterAction("distribution.prepare", async ({ actor, input }, matterId) => {
  await computeDistribution(actor, matterId, input);
  revalidatePath(path(matterId));
  return done("Distribution preview computed.");
});

export const lockDistributionAction = matterAction("distribution.lock", async ({ actor, input }, matterId, runId: string) => {
  await lockDistribution(actor, matterId, runId, input);
  revalidatePath(path(matterId));
  return done("Distribution locked.");
});
