"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/app-error";
import { accountAction, done } from "@/lib/server/actions/action-client";
import { MAX_ATTACHMENT_BYTES } from "@/lib/schemas/claim";
import { answerDeficiency } from "@/lib/server/claims/answer-deficiency";
import { withdrawClaim } from "@/lib/server/claims/withdraw-claim";
import { localizeError } from "@/lib/server/i18n/localize-error";
import { setPaymentDetails } from "@/lib/server/payments/set-payment-details";

// A class member's own claim: the use cases find it by number among the member's own claims.
export const answerDeficiencyAction = accountAction("claims.own", async ({ actor, form, input }, number: string) => {
  const upload = form.get("document");
  let file = null;
  if (upload instanceof File && upload.size > 0) {
    if (upload.size > MAX_ATTACHMENT_BYTES) throw AppError.validation({ document: ["The file is larger than 10 MB"] });
    file = { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) };
  }
  await answerDeficiency(actor, number, input, file);
  redirect(`/claims/${number}?answered=1`);
});

export const withdrawClaimAction = accountAction("claims.own", async ({ actor }, number: string) => {
  await withdrawClaim(actor, number);
  redirect(`/claims/${number}?withdrawn=1`);
});

export const setPaymentDetailsAction = accountAction("claims.own", async ({ actor, input }, number: string) => {
  try {
    await setPaymentDetails(actor, number, input);
  } catch (error) {
    throw await localizeError(error);
  }
  revalidatePath(`/claims/${number}`);
  return done("Payment details saved.");
});
