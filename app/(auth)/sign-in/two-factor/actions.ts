"use server";

import { cookies } from "next/headers";
import { AuthError } from "next-auth";
import { AppError } from "@/lib/app-error";
import { toFieldErrors } from "@/lib/schemas/parse";
import { ZSecondFactor } from "@/lib/schemas/auth";
import { done, publicAction } from "@/lib/server/actions/action-client";
import { signIn } from "@/lib/server/auth/auth";
import { readTicket, TWO_FACTOR_COOKIE } from "@/lib/server/auth/sign-in-tickets";
import { SignInThrottledError } from "@/lib/server/auth/throttle-sign-in";

function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : "/";
}

// The code step of a two-factor sign-in. Wrong codes are limited per account and per address
// inside the provider (authorize-second-factor.ts), for this form and the bare endpoint alike.
export const secondFactorAction = publicAction(
  () => [],
  async ({ input }) => {
    const parsed = ZSecondFactor.safeParse(input);
    if (!parsed.success) throw new AppError("VALIDATION", "Enter the code.", toFieldErrors(parsed.error));
    const jar = await cookies();
    const ticket = jar.get(TWO_FACTOR_COOKIE)?.value;
    if (!(await readTicket("two-factor", ticket))) {
      throw new AppError("VALIDATION", "This sign-in took too long or was ended. Start again with your password.");
    }
    try {
      await signIn("two-factor", { ticket: ticket!, code: parsed.data.code, redirectTo: safeCallback(parsed.data.callbackUrl) });
    } catch (error) {
      if (error instanceof SignInThrottledError) throw new AppError("RATE_LIMITED", error.message);
      if (error instanceof AuthError) {
        throw new AppError("VALIDATION", "That code did not work.", { code: ["That code did not work. Codes change every 30 seconds and each works once; a recovery code works once."] });
      }
      // signIn answers a success by redirecting: the ticket is spent, so drop it first.
      jar.delete({ name: TWO_FACTOR_COOKIE, path: "/sign-in" });
      throw error;
    }
    return done("Signed in.");
  },
);
