"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/server/actions/action-client";
import { resetPassword } from "@/lib/server/accounts/reset-password";
import { passwordResetRedeemLimits } from "@/lib/server/rate-limit/limits";

export const resetPasswordAction = publicAction(
  (request) => passwordResetRedeemLimits(request.ip ?? "unknown"),
  async ({ request, input }) => {
    await resetPassword(input, request.ip);
    // Every session ended, and an account with two-factor sign-in still needs its code: sign in anew.
    redirect("/sign-in?reset=1");
  },
);
