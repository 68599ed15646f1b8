"use server";

import { randomUUID } from "node:crypto";
import { AuthError } from "next-auth";
import { unstable_rethrow } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { isAppError } from "@/lib/app-error";
import { signIn } from "@/lib/server/auth/auth";
import { requestContext } from "@/lib/server/claims/request-context";
import { verifyLimits } from "@/lib/server/rate-limit/limits";
import { enforce } from "@/lib/server/rate-limit/rate-limit";

// The link's page asks for a click before using the token, so mail scanners that prefetch
// links cannot spend it.
export async function redeemLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const token = String(form.get("token") ?? "");
  const fail = (message: string): ActionState => ({ status: "error", message, fieldErrors: {}, values: {}, attempt: randomUUID() });
  try {
    const { ip } = await requestContext();
    await enforce(verifyLimits(ip ?? "unknown"));
    await signIn("email-link", { token, redirectTo: "/claims" });
    return { status: "success", message: "Signed in." };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) return fail(error.message);
    if (error instanceof AuthError) return fail("This link has expired or has already been used. Ask for a new one below.");
    throw error;
  }
}
