"use server";

import { AuthError } from "next-auth";
import { AppError } from "@/lib/app-error";
import { done, publicAction } from "@/lib/server/actions/action-client";
import { signIn } from "@/lib/server/auth/auth";
import { verifyLimits } from "@/lib/server/rate-limit/limits";

// The link's page asks for a click before using the token, so mail scanners that prefetch
// links cannot spend it.
export const redeemLinkAction = publicAction(
  (request) => verifyLimits(request.ip ?? "unknown"),
  async ({ input }) => {
    try {
      await signIn("email-link", { token: String(input.token ?? ""), redirectTo: "/claims" });
    } catch (error) {
      if (error instanceof AuthError) throw new AppError("VALIDATION", "This link has expired or has already been used. Ask for a new one below.");
      throw error;
    }
    return done("Signed in.");
  },
);
