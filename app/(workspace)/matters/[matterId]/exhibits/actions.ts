"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { formDataToObject } from "@/lib/schemas/parse";
import { requireActor } from "@/lib/server/auth/get-actor";
import { createProduction } from "@/lib/server/exhibits/create-production";
import { designateExhibit } from "@/lib/server/exhibits/designate-exhibit";
import { retryExtraction } from "@/lib/server/exhibits/retry-extraction";
import { updateExhibitMetadata } from "@/lib/server/exhibits/update-exhibit-metadata";
import { runAction } from "@/lib/server/run-action";

export async function updateExhibitMetadataAction(matterId: string, exhibitId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireActor();
    await updateExhibitMetadata(actor, matterId, exhibitId, formDataToObject(form));
    revalidatePath(`/matters/${matterId}/exhibits/${exhibitId}`);
    return { status: "success", message: "Metadata saved." };
  });
}

export async function designateExhibitAction(matterId: string, exhibitId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireActor();
    await designateExhibit(actor, matterId, exhibitId, formDataToObject(form));
    revalidatePath(`/matters/${matterId}/exhibits/${exhibitId}`);
    return { status: "success", message: "Designation changed." };
  });
}

export async function retryExtractionAction(matterId: string, exhibitId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireActor();
    await retryExtraction(actor, matterId, exhibitId);
    revalidatePath(`/matters/${matterId}/exhibits/${exhibitId}`);
    return { status: "success", message: "Extraction queued again." };
  });
}

export async function createProductionAction(matterId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireActor();
    const input = formDataToObject(form);
    // One checkbox ticked arrives as a string, several as an array.
    const ids = input.exhibitIds;
    const production = await createProduction(actor, matterId, { ...input, exhibitIds: ids === undefined ? [] : [ids].flat() });
    redirect(`/matters/${matterId}/exhibits/productions?created=${production.id}`);
  });
}
