"use server";

import { getTranslations } from "next-intl/server";
import { done, publicAction } from "@/lib/server/actions/action-client";
import { requestSignInLink } from "@/lib/server/claims/request-sign-in-link";
import { localizeError } from "@/lib/server/i18n/localize-error";
import { signInLinkLimits } from "@/lib/server/rate-limit/limits";

export const requestLinkAction = publicAction(
  (request, input) => signInLinkLimits(request.ip ?? "unknown", String(input.email ?? "").toLowerCase()),
  async ({ input }) => {
    try {
      await requestSignInLink(input);
    } catch (error) {
      throw await localizeError(error);
    }
    return done((await getTranslations("portal.signIn"))("sent"));
  },
);
