"use server";

import { done, publicAction } from "@/lib/server/actions/action-client";
import { requestSignInLink } from "@/lib/server/claims/request-sign-in-link";
import { signInLinkLimits } from "@/lib/server/rate-limit/limits";

export const requestLinkAction = publicAction(
  (request, input) => signInLinkLimits(request.ip ?? "unknown", String(input.email ?? "").toLowerCase()),
  async ({ input }) => {
    await requestSignInLink(input);
    return done("If that email has filed a claim, a sign-in link is on its way. It works once and expires in 30 minutes.");
  },
);
