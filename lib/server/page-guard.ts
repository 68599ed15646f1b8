import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import { getActor } from "@/lib/server/auth/get-actor";

// Pages call this first: a signed-out visitor goes to sign-in and comes back afterwards.
export async function pageActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    const path = (await headers()).get("x-proofline-path") ?? "/";
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }
  return actor;
}

// Loads page data through a use case; anything the actor may not see renders the 404 page.
export async function loadOr404<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    if (isAppError(error) && error.code === "UNAUTHENTICATED") redirect("/sign-in");
    throw error;
  }
}
