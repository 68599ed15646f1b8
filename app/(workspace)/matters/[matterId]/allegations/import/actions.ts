"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { done, matterAction } from "@/lib/server/actions/action-client";
import { acceptProposal } from "@/lib/server/complaints/accept-proposal";
import { applyAmendment } from "@/lib/server/complaints/apply-amendment";
import { dropProposal } from "@/lib/server/complaints/drop-proposal";
import { mergeProposal } from "@/lib/server/complaints/merge-proposal";
import { splitProposal } from "@/lib/server/complaints/split-proposal";
import { startComplaintImport } from "@/lib/server/complaints/start-complaint-import";

const importPath = (matterId: string, importId: string) => `/matters/${matterId}/allegations/import/${importId}`;

export const startComplaintImportAction = matterAction("allegations.write", async ({ actor, input }, matterId) => {
  const { importId } = await startComplaintImport(actor, matterId, input);
  redirect(importPath(matterId, importId));
});

// The review page stays where it is: each decision re-renders it with the proposal decided.
function stay(matterId: string, importId: string, message: string) {
  revalidatePath(importPath(matterId, importId));
  return done(message);
}

export const acceptProposalAction = matterAction("allegations.write", async ({ actor, input }, matterId, importId: string, proposalId: string) => {
  await acceptProposal(actor, matterId, proposalId, input);
  return stay(matterId, importId, "Accepted into the ledger.");
});

export const dropProposalAction = matterAction("allegations.write", async ({ actor, input }, matterId, importId: string, proposalId: string) => {
  await dropProposal(actor, matterId, proposalId, input);
  return stay(matterId, importId, "Dropped.");
});

export const mergeProposalAction = matterAction("allegations.write", async ({ actor }, matterId, importId: string, proposalId: string) => {
  await mergeProposal(actor, matterId, proposalId, {});
  return stay(matterId, importId, "Merged into the ¶ before it.");
});

export const splitProposalAction = matterAction("allegations.write", async ({ actor, input }, matterId, importId: string, proposalId: string) => {
  await splitProposal(actor, matterId, proposalId, input);
  return stay(matterId, importId, "Split in two.");
});

export const applyAmendmentAction = matterAction("allegations.write", async ({ actor, input }, matterId, importId: string) => {
  const r = await applyAmendment(actor, matterId, importId, input);
  if (r.applied === 0 && r.withdrawn === 0) return stay(matterId, importId, "Nothing left to apply: the amendment is already in the ledger.");
  return stay(matterId, importId, `Applied ${r.applied} matched ¶${r.applied === 1 ? "" : "s"} (${r.renumbered} renumbered, ${r.reworded} reworded); ${r.withdrawn} withdrawn.`);
});
