"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { done, matterAction } from "@/lib/server/actions/action-client";
import { clearFlag } from "@/lib/server/allegations/clear-flag";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { flagAllegation } from "@/lib/server/allegations/flag-allegation";
import { updateAllegation } from "@/lib/server/allegations/update-allegation";
import { cancelEvidenceRequest } from "@/lib/server/evidence/cancel-evidence-request";
import { createEvidenceRequest } from "@/lib/server/evidence/create-evidence-request";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { unlinkEvidence } from "@/lib/server/evidence/unlink-evidence";

const detailPath = (matterId: string, allegationId: string) => `/matters/${matterId}/allegations/${allegationId}`;

export const createAllegationAction = matterAction("allegations.write", async ({ actor, input }, matterId) => {
  const allegation = await createAllegation(actor, matterId, input);
  redirect(`${detailPath(matterId, allegation.id)}?saved=1`);
});

export const updateAllegationAction = matterAction("allegations.write", async ({ actor, input }, matterId, allegationId: string) => {
  await updateAllegation(actor, matterId, allegationId, input);
  redirect(`${detailPath(matterId, allegationId)}?saved=1`);
});

// The detail page's dialogs stay on the page: each returns a message and the page re-renders.
function stay(matterId: string, allegationId: string, message: string) {
  revalidatePath(detailPath(matterId, allegationId));
  return done(message);
}

export const flagAllegationAction = matterAction("allegations.flag", async ({ actor, input }, matterId, allegationId: string) => {
  await flagAllegation(actor, matterId, allegationId, input);
  return stay(matterId, allegationId, "Flagged.");
});

export const clearFlagAction = matterAction("allegations.flag", async ({ actor, input }, matterId, allegationId: string) => {
  await clearFlag(actor, matterId, allegationId, input);
  return stay(matterId, allegationId, "Flag cleared.");
});

export const linkEvidenceAction = matterAction("evidence.link", async ({ actor, input }, matterId, allegationId: string) => {
  await linkEvidence(actor, matterId, allegationId, input);
  return stay(matterId, allegationId, "Exhibit linked.");
});

export const unlinkEvidenceAction = matterAction("evidence.link", async ({ actor, input }, matterId, allegationId: string, linkId: string) => {
  await unlinkEvidence(actor, matterId, linkId, input);
  return stay(matterId, allegationId, "Link removed.");
});

export const createRequestAction = matterAction("evidence.request", async ({ actor, input }, matterId, allegationId: string) => {
  await createEvidenceRequest(actor, matterId, allegationId, input);
  return stay(matterId, allegationId, "Request opened.");
});

export const cancelRequestAction = matterAction("evidence.request", async ({ actor, input }, matterId, allegationId: string, requestId: string) => {
  await cancelEvidenceRequest(actor, matterId, requestId, input);
  return stay(matterId, allegationId, "Request cancelled.");
});
