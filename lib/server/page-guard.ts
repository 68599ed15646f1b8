import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import { getActor } from "@/lib/server/auth/get-actor";

export const TWO_FACTOR_SETUP_PATH = "/account/two-factor";

// Pages call this first: a signed-out visitor goes to sign-in and comes back afterwards; staff who
// must set up two-factor sign-in go to do that first (their account pages are all they may see).
export async function pageActor(): Promise<Actor> {
  const actor = await getActor();
  const path = (await headers()).get("x-proofline-path") ?? "/";
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (actor.mustEnrollTwoFactor && !/^\/account(\/|\?|$)/.test(path)) redirect(`${TWO_FACTOR_SETUP_PATH}?required=all`);
  return actor;
}

// Loads page data through a use case; anything the actor may not see renders the 404 page.
export async function loadOr404<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && error.code === "TWO_FACTOR_REQUIRED") redirect(`${TWO_FACTOR_SETUP_PATH}?required=matter`);
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    if (isAppError(error) && error.code === "UNAUTHENTICATED") redirect("/sign-in");
    throw error;
  }
}
