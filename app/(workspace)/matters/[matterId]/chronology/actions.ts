"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { done, matterAction } from "@/lib/server/actions/action-client";
import { addClaimMilestones } from "@/lib/server/chronology/add-claim-milestones";
import { addExhibitDate } from "@/lib/server/chronology/add-exhibit-date";
import { buildFromAllegations } from "@/lib/server/chronology/build-from-allegations";
import { buildFromCaptures } from "@/lib/server/chronology/build-from-captures";
import { buildFromComplaint } from "@/lib/server/chronology/build-from-complaint";
import { createFact } from "@/lib/server/chronology/create-fact";
import { deleteFact } from "@/lib/server/chronology/delete-fact";
import { updateFact } from "@/lib/server/chronology/update-fact";

const listPath = (matterId: string) => `/matters/${matterId}/chronology`;

const built = (what: string, r: { created: number; existing: number }) =>
  done(`${what}: ${r.created} new fact${r.created === 1 ? "" : "s"}${r.existing ? `, ${r.existing} already in the chronology` : ""}.`);

export const createFactAction = matterAction("chronology.write", async ({ actor, input }, matterId) => {
  await createFact(actor, matterId, input);
  revalidatePath(listPath(matterId));
  return done("Fact added.");
});

export const updateFactAction = matterAction("chronology.write", async ({ actor, input }, matterId, factId: string) => {
  await updateFact(actor, matterId, factId, input);
  redirect(`${listPath(matterId)}?saved=1#fact-${factId}`);
});

export const deleteFactAction = matterAction("chronology.write", async ({ actor, input }, matterId, factId: string) => {
  await deleteFact(actor, matterId, factId, input);
  redirect(`${listPath(matterId)}?deleted=1`);
});

export const buildFromCapturesAction = matterAction("chronology.write", async ({ actor }, matterId) => {
  const result = await buildFromCaptures(actor, matterId);
  revalidatePath(listPath(matterId));
  return built("Built from captures", result);
});

export const buildFromAllegationsAction = matterAction("chronology.write", async ({ actor }, matterId) => {
  const result = await buildFromAllegations(actor, matterId);
  revalidatePath(listPath(matterId));
  return built("Built from allegation periods", result);
});

export const addExhibitDateAction = matterAction("chronology.write", async ({ actor, input }, matterId, exhibitId: string) => {
  const { created } = await addExhibitDate(actor, matterId, exhibitId, input);
  revalidatePath(`/matters/${matterId}/exhibits/${exhibitId}`);
  return done(created ? "Added to the chronology." : "Already in the chronology.");
});

export const addClaimMilestonesAction = matterAction("chronology.write", async ({ actor }, matterId) => {
  const r = await addClaimMilestones(actor, matterId);
  revalidatePath(listPath(matterId));
  return done(
    `Claim milestones: ${r.created} new fact${r.created === 1 ? "" : "s"}${r.updated ? `, ${r.updated} updated` : ""}${r.existing ? `, ${r.existing} already in the chronology` : ""}.`,
  );
});

export const buildFromComplaintAction = matterAction("chronology.write", async ({ actor }, matterId) => {
  const result = await buildFromComplaint(actor, matterId);
  revalidatePath(listPath(matterId));
  return built("Dates from the complaint", result);
});
