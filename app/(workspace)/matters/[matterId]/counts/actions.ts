"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { done, matterAction } from "@/lib/server/actions/action-client";
import { addElement } from "@/lib/server/counts/add-element";
import { createCount } from "@/lib/server/counts/create-count";
import { reorderElements } from "@/lib/server/counts/reorder-elements";
import { updateCount } from "@/lib/server/counts/update-count";
import { updateElement } from "@/lib/server/counts/update-element";

const countPath = (matterId: string, countId: string) => `/matters/${matterId}/counts/${countId}`;

export const createCountAction = matterAction("counts.write", async ({ actor, input }, matterId) => {
  const count = await createCount(actor, matterId, input);
  redirect(countPath(matterId, count.id));
});

export const updateCountAction = matterAction("counts.write", async ({ actor, input }, matterId, countId: string) => {
  await updateCount(actor, matterId, countId, input);
  revalidatePath(countPath(matterId, countId));
  return done("Count saved.");
});

export const addElementAction = matterAction("counts.write", async ({ actor, input }, matterId, countId: string) => {
  await addElement(actor, matterId, countId, input);
  revalidatePath(countPath(matterId, countId));
  return done("Element added.");
});

export const updateElementAction = matterAction("counts.write", async ({ actor, input }, matterId, countId: string, elementId: string) => {
  await updateElement(actor, matterId, elementId, input);
  revalidatePath(countPath(matterId, countId));
  return done("Element saved.");
});

export const reorderElementsAction = matterAction("counts.write", async ({ actor, input }, matterId, countId: string) => {
  await reorderElements(actor, matterId, countId, input);
  revalidatePath(countPath(matterId, countId));
  return done("Order saved.");
});
