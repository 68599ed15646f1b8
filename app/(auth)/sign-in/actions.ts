"use server";

import { randomUUID } from "node:crypto";
import { AuthError } from "next-auth";
import { unstable_rethrow } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { formDataToObject, toFieldErrors } from "@/lib/schemas/parse";
import { ZSignIn } from "@/lib/schemas/auth";
import { signIn } from "@/lib/server/auth/auth";
import { SignInThrottledError } from "@/lib/server/auth/throttle-sign-in";

// Only same-site paths: an open redirect after sign-in is a phishing tool.
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : "/";
}

export async function signInAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const raw = formDataToObject(form);
  const values = { email: typeof raw.email === "string" ? raw.email : "" };
  const parsed = ZSignIn.safeParse(raw);
  if (!parsed.success) {
    return { status: "error", message: "Enter your email and password.", fieldErrors: toFieldErrors(parsed.error), values, attempt: randomUUID() };
  }
  try {
    await signIn("password", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
    return { status: "success", message: "Signed in." };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof SignInThrottledError) {
      return { status: "error", message: error.message, fieldErrors: {}, values, attempt: randomUUID() };
    }
    if (error instanceof AuthError) {
      // Never say which half was wrong: that would confirm which emails have accounts.
      return { status: "error", message: "That email and password do not match an active account.", fieldErrors: {}, values, attempt: randomUUID() };
    }
    throw error;
  }
}
