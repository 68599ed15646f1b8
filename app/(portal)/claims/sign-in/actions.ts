"use server";

import type { ActionState } from "@/lib/action-state";
import { formDataToObject } from "@/lib/schemas/parse";
import { requestContext } from "@/lib/server/claims/request-context";
import { requestSignInLink } from "@/lib/server/claims/request-sign-in-link";
import { signInLinkLimits } from "@/lib/server/rate-limit/limits";
import { enforce } from "@/lib/server/rate-limit/rate-limit";
import { runAction } from "@/lib/server/run-action";

export async function requestLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const ctx = await requestContext();
    const input = formDataToObject(form);
    await enforce(signInLinkLimits(ctx.ip ?? "unknown", String(input.email ?? "").toLowerCase()));
    await requestSignInLink(input);
    return { status: "success", message: "If that email has filed a claim, a sign-in link is on its way. It works once and expires in 30 minutes." };
  });
}
