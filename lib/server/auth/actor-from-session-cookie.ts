import "server-only";
import { getToken } from "next-auth/jwt";
import type { Actor } from "@/lib/server/auth/actor";
import { loadActor } from "@/lib/server/auth/load-actor";
import { env } from "@/lib/server/env";
import { fromHeaders } from "@/lib/server/http/forwarded-headers";
import type { HeaderSource } from "@/lib/server/http/header-source";

// The signed-in user of a request the production web server answers before Next.js (a large
// upload). Auth.js's own getToken reads and decrypts the session cookie exactly as auth() does
// (same cookie names, salt and expiry check); then the user row is re-read as getActor does.
export async function actorFromSessionCookie(headers: HeaderSource): Promise<Actor | null> {
  if (!env.AUTH_SECRET) return null;
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  // Auth.js names the cookie __Secure-… when the site is served over https (behind the proxy).
  const secureCookie = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  const token = await getToken({ req: { headers: { cookie } }, secret: env.AUTH_SECRET, secureCookie, logger: silent });
  return loadActor(token, fromHeaders(headers).ip ?? undefined);
}

const silent = { error: () => undefined, warn: () => undefined, debug: () => undefined } as unknown as Console;
