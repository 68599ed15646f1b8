"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { AppError } from "@/lib/app-error";
import { toFieldErrors } from "@/lib/schemas/parse";
import { ZSignIn } from "@/lib/schemas/auth";
import { done, publicAction } from "@/lib/server/actions/action-client";
import { signIn } from "@/lib/server/auth/auth";
import { TWO_FACTOR_COOKIE, TWO_FACTOR_TICKET_SECONDS, TwoFactorRequiredError } from "@/lib/server/auth/sign-in-tickets";
import { SignInThrottledError } from "@/lib/server/auth/throttle-sign-in";
import { appUrl } from "@/lib/server/env";

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
    const callbackUrl = safeCallback(parsed.data.callbackUrl);
    try {
      await signIn("password", { email: parsed.data.email, password: parsed.data.password, redirectTo: callbackUrl });
    } catch (error) {
      if (error instanceof TwoFactorRequiredError) {
        // The password was right; the code step gets a ticket for it in an httpOnly cookie, so
        // the password is not sent again (nor kept in the page).
        (await cookies()).set(TWO_FACTOR_COOKIE, error.ticket, {
          httpOnly: true,
          sameSite: "strict",
          secure: appUrl.startsWith("https:"),
          path: "/sign-in",
          maxAge: TWO_FACTOR_TICKET_SECONDS,
        });
        redirect(`/sign-in/two-factor?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      }
      if (error instanceof SignInThrottledError) throw new AppError("RATE_LIMITED", error.message);
      // Never say which half was wrong: that would confirm which emails have accounts.
      if (error instanceof AuthError) throw new AppError("VALIDATION", "That email and password do not match an active account.");
      throw error;
    }
    return done("Signed in.");
  },
);
