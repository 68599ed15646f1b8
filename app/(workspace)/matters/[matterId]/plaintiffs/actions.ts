"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { formDataToObject } from "@/lib/schemas/parse";
import { requireActor } from "@/lib/server/auth/get-actor";
import { createPlaintiff } from "@/lib/server/plaintiffs/create-plaintiff";
import { updatePlaintiff } from "@/lib/server/plaintiffs/update-plaintiff";
import { runAction } from "@/lib/server/run-action";

export async function createPlaintiffAction(matterId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireActor();
    const plaintiff = await createPlaintiff(actor, matterId, formDataToObject(form));
    redirect(`/matters/${matterId}/plaintiffs?saved=${plaintiff.id}`);
  });
}

export async function updatePlaintiffAction(
  matterId: string,
  plaintiffId: string,
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireActor();
    await updatePlaintiff(actor, matterId, plaintiffId, formDataToObject(form));
    redirect(`/matters/${matterId}/plaintiffs?saved=${plaintiffId}`);
  });
}
