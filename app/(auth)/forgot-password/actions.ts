"use server";

import { after } from "next/server";
import { ZRequestPasswordReset } from "@/lib/schemas/auth";
import { parseInput } from "@/lib/schemas/parse";
import { done, publicAction } from "@/lib/server/actions/action-client";
import { requestPasswordReset } from "@/lib/server/accounts/request-password-reset";
import { logger } from "@/lib/server/logger";
import { passwordResetRequestLimits } from "@/lib/server/rate-limit/limits";

const PASSWORD_RESET_ANSWER =
  "If that address belongs to a staff account, a link to reset its password is on its way. It works once and expires in 30 minutes.";

// The answer goes out before anything is looked up: the same words, at the same moment, whether
// or not the address has an account (the lookup, token and mail happen after the response).
export const requestPasswordResetAction = publicAction(
  (request, input) => passwordResetRequestLimits(request.ip ?? "unknown", String(input.email ?? "").toLowerCase()),
  async ({ request, input }) => {
    parseInput(ZRequestPasswordReset, input);
    after(() => requestPasswordReset(input, request.ip).catch((error: unknown) => logger.error({ err: error }, "password reset request failed")));
    return done(PASSWORD_RESET_ANSWER);
  },
);
