"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/action-state";
import { formDataToObject } from "@/lib/schemas/parse";
import { requireActor } from "@/lib/server/auth/get-actor";
import { approveClaim } from "@/lib/server/claims/approve-claim";
import { bulkClaimAction } from "@/lib/server/claims/bulk-claim-action";
import { markDeficient } from "@/lib/server/claims/mark-deficient";
import { markDuplicate } from "@/lib/server/claims/mark-duplicate";
import { recommendClaim } from "@/lib/server/claims/recommend-claim";
import { rejectClaim } from "@/lib/server/claims/reject-claim";
import { requestRescore } from "@/lib/server/claims/request-rescore";
import { verifyClaim } from "@/lib/server/claims/verify-claim";
import { runAction } from "@/lib/server/run-action";

type ClaimAction = "verify" | "deficient" | "recommend" | "approve" | "reject" | "duplicate";

const DONE: Record<ClaimAction, string> = {
  verify: "Claim verified.",
  deficient: "Deficiency notice sent.",
  recommend: "Recommendation recorded.",
  approve: "Claim approved.",
  reject: "Claim rejected.",
  duplicate: "Claim marked as a duplicate.",
};

export async function claimAction(matterId: string, claimId: string, which: ClaimAction, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireActor();
    const input = formDataToObject(form);
    if (which === "deficient" && typeof input.fields === "string") input.fields = [input.fields];
    switch (which) {
      case "verify":
        await verifyClaim(actor, matterId, claimId, input);
        break;
      case "deficient":
        await markDeficient(actor, matterId, claimId, input);
        break;
      case "recommend":
        await recommendClaim(actor, matterId, claimId, input);
        break;
      case "approve":
        await approveClaim(actor, matterId, claimId, input);
        break;
      case "reject":
        await rejectClaim(actor, matterId, claimId, input);
        break;
      case "duplicate":
        await markDuplicate(actor, matterId, claimId, input);
        break;
    }
    revalidatePath(`/matters/${matterId}/claims/${claimId}`);
    return { status: "success", message: DONE[which] };
  });
}

export async function bulkAction(matterId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireActor();
    const input = formDataToObject(form);
    if (typeof input.claimIds === "string") input.claimIds = [input.claimIds];
    const { done, failed } = await bulkClaimAction(actor, matterId, input);
    revalidatePath(`/matters/${matterId}/claims`);
    const tail = failed.length ? ` ${failed.length} not changed: ${failed.slice(0, 3).map((f) => f.message).join(" ")}` : "";
    return { status: "success", message: `${done.length} claim${done.length === 1 ? "" : "s"} updated.${tail}` };
  });
}

export async function rescoreAction(matterId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireActor();
    const { started } = await requestRescore(actor, matterId);
    revalidatePath(`/matters/${matterId}/claims`);
    return { status: "success", message: started ? "Re-scoring started." : "Re-scoring is already under way." };
  });
}
