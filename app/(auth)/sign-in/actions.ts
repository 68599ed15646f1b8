"use server";

import { AuthError } from "next-auth";
import { AppError } from "@/lib/app-error";
import { toFieldErrors } from "@/lib/schemas/parse";
import { ZSignIn } from "@/lib/schemas/auth";
import { done, publicAction } from "@/lib/server/actions/action-client";
import { signIn } from "@/lib/server/auth/auth";
import { SignInThrottledError } from "@/lib/server/auth/throttle-sign-in";

// Only same-site paths: an open redirect after sign-in is a phishing tool.
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : "/";
}

// Failed attempts are limited per account and per IP inside the provider (authorize-password.ts),
// so a direct POST to Auth.js's callback is limited as much as this form.
export const signInAction = publicAction(
  () => [],
  async ({ input }) => {
    const parsed = ZSignIn.safeParse(input);
    if (!parsed.success) throw new AppError("VALIDATION", "Enter your email and password.", toFieldErrors(parsed.error));
    try {
      await signIn("password", { email: parsed.data.email, password: parsed.data.password, redirectTo: safeCallback(parsed.data.callbackUrl) });
    } catch (error) {
      if (error instanceof SignInThrottledError) throw new AppError("RATE_LIMITED", error.message);
      // Never say which half was wrong: that would confirm which emails have accounts.
      if (error instanceof AuthError) throw new AppError("VALIDATION", "That email and password do not match an active account.");
      throw error;
    }
    return done("Signed in.");
  },
);
