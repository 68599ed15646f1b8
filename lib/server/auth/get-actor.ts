import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { AppError } from "@/lib/app-error";
import { auth } from "@/lib/server/auth/auth";
import type { Actor } from "@/lib/server/auth/actor";
import { loadActor } from "@/lib/server/auth/load-actor";
import { fromHeaders } from "@/lib/server/http/forwarded-headers";

// The signed-in user of the request a page, server action or route handler is serving.
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const user = session?.user;
  const claims = user && { sub: user.id, sv: user.sessionVersion, signedInAt: user.signedInAt };
  return loadActor(claims, fromHeaders(await headers()).ip ?? undefined);
});

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return actor;
}
