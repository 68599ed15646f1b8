"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { formDataToObject } from "@/lib/schemas/parse";
import { requireActor } from "@/lib/server/auth/get-actor";
import { addElement } from "@/lib/server/counts/add-element";
import { createCount } from "@/lib/server/counts/create-count";
import { reorderElements } from "@/lib/server/counts/reorder-elements";
import { updateCount } from "@/lib/server/counts/update-count";
import { updateElement } from "@/lib/server/counts/update-element";
import { runAction } from "@/lib/server/run-action";

const countPath = (matterId: string, countId: string) => `/matters/${matterId}/counts/${countId}`;

export async function createCountAction(matterId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const count = await createCount(await requireActor(), matterId, formDataToObject(form));
    redirect(countPath(matterId, count.id));
  });
}

export async function updateCountAction(matterId: string, countId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    await updateCount(await requireActor(), matterId, countId, formDataToObject(form));
    revalidatePath(countPath(matterId, countId));
    return { status: "success", message: "Count saved." };
  });
}

export async function addElementAction(matterId: string, countId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    await addElement(await requireActor(), matterId, countId, formDataToObject(form));
    revalidatePath(countPath(matterId, countId));
    return { status: "success", message: "Element added." };
  });
}

export async function updateElementAction(matterId: string, countId: string, elementId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    await updateElement(await requireActor(), matterId, elementId, formDataToObject(form));
    revalidatePath(countPath(matterId, countId));
    return { status: "success", message: "Element saved." };
  });
}

export async function reorderElementsAction(matterId: string, countId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    await reorderElements(await requireActor(), matterId, countId, formDataToObject(form));
    revalidatePath(countPath(matterId, countId));
    return { status: "success", message: "Order saved." };
  });
}
