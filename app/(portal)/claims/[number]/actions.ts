"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { AppError } from "@/lib/app-error";
import { formDataToObject } from "@/lib/schemas/parse";
import { requireActor } from "@/lib/server/auth/get-actor";
import { answerDeficiency } from "@/lib/server/claims/answer-deficiency";
import { MAX_ATTACHMENT_BYTES } from "@/lib/server/claims/store-attachment";
import { withdrawClaim } from "@/lib/server/claims/withdraw-claim";
import { runAction } from "@/lib/server/run-action";

export async function answerDeficiencyAction(number: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireActor();
    const upload = form.get("document");
    let file = null;
    if (upload instanceof File && upload.size > 0) {
      if (upload.size > MAX_ATTACHMENT_BYTES) throw AppError.validation({ document: ["The file is larger than 10 MB"] });
      file = { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) };
    }
    await answerDeficiency(actor, number, formDataToObject(form), file);
    redirect(`/claims/${number}?answered=1`);
  });
}

export async function withdrawClaimAction(number: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const actor = await requireActor();
    await withdrawClaim(actor, number);
    redirect(`/claims/${number}?withdrawn=1`);
  });
}
