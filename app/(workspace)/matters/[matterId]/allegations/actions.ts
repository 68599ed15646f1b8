"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { formDataToObject } from "@/lib/schemas/parse";
import { requireActor } from "@/lib/server/auth/get-actor";
import { clearFlag } from "@/lib/server/allegations/clear-flag";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { flagAllegation } from "@/lib/server/allegations/flag-allegation";
import { updateAllegation } from "@/lib/server/allegations/update-allegation";
import { cancelEvidenceRequest } from "@/lib/server/evidence/cancel-evidence-request";
import { createEvidenceRequest } from "@/lib/server/evidence/create-evidence-request";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { unlinkEvidence } from "@/lib/server/evidence/unlink-evidence";
import { runAction } from "@/lib/server/run-action";

const detailPath = (matterId: string, allegationId: string) => `/matters/${matterId}/allegations/${allegationId}`;

export async function createAllegationAction(matterId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireActor();
    const allegation = await createAllegation(actor, matterId, formDataToObject(form));
    redirect(`${detailPath(matterId, allegation.id)}?saved=1`);
  });
}

export async function updateAllegationAction(matterId: string, allegationId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireActor();
    await updateAllegation(actor, matterId, allegationId, formDataToObject(form));
    redirect(`${detailPath(matterId, allegationId)}?saved=1`);
  });
}

// The detail page's dialogs stay on the page: each returns a message and the page re-renders.
function onDetail(matterId: string, allegationId: string, message: string, run: (actor: Awaited<ReturnType<typeof requireActor>>) => Promise<unknown>) {
  return async (): Promise<ActionState> => {
    const actor = await requireActor();
    await run(actor);
    revalidatePath(detailPath(matterId, allegationId));
    return { status: "success", message };
  };
}

export async function flagAllegationAction(matterId: string, allegationId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, onDetail(matterId, allegationId, "Flagged.", (a) => flagAllegation(a, matterId, allegationId, formDataToObject(form))));
}

export async function clearFlagAction(matterId: string, allegationId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, onDetail(matterId, allegationId, "Flag cleared.", (a) => clearFlag(a, matterId, allegationId, formDataToObject(form))));
}

export async function linkEvidenceAction(matterId: string, allegationId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, onDetail(matterId, allegationId, "Exhibit linked.", (a) => linkEvidence(a, matterId, allegationId, formDataToObject(form))));
}

export async function unlinkEvidenceAction(matterId: string, allegationId: string, linkId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, onDetail(matterId, allegationId, "Link removed.", (a) => unlinkEvidence(a, matterId, linkId, formDataToObject(form))));
}

export async function createRequestAction(matterId: string, allegationId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, onDetail(matterId, allegationId, "Request opened.", (a) => createEvidenceRequest(a, matterId, allegationId, formDataToObject(form))));
}

export async function cancelRequestAction(matterId: string, allegationId: string, requestId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, onDetail(matterId, allegationId, "Request cancelled.", (a) => cancelEvidenceRequest(a, matterId, requestId, formDataToObject(form))));
}
