import "server-only";
import { AppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import { fromHeaders } from "@/lib/server/http/forwarded-headers";
import type { HeaderSource } from "@/lib/server/http/header-source";
import { actorFromBearerToken } from "@/lib/server/auth/actor-from-bearer-token";

export const INVALID_TOKEN_MESSAGE = "The API token is not valid: it is malformed, unknown, revoked or expired.";
export const SERVICE_TOKEN_MESSAGE = "A claim-feed token can only file claims (POST /api/v1/claims/{matterSlug}).";
const READS = new Set(["GET", "HEAD"]);

// Who is calling a /api/v1 route: the owner of a bearer token when the request carries one
// (limited by it), else the session's user. A read-only token may only read; a claim-feed
// (service) token does nothing here — the claim intake reads it itself (claims/claim-feed.ts).
// (No next/* import: the production web server's lean paths use this before Next.js loads.)
export async function apiActor(headers: HeaderSource, method: string, fromSession: () => Promise<Actor | null>): Promise<Actor | null> {
  const bearer = await actorFromBearerToken(headers.get("authorization"), fromHeaders(headers).ip ?? undefined);
  if (bearer.kind === "invalid") throw new AppError("UNAUTHENTICATED", INVALID_TOKEN_MESSAGE);
  if (bearer.kind === "none") return fromSession();
  if (bearer.actor.token!.kind === "SERVICE") throw new AppError("FORBIDDEN", SERVICE_TOKEN_MESSAGE);
  if (bearer.actor.token!.access === "READ" && !READS.has(method.toUpperCase())) {
    throw new AppError("FORBIDDEN", "This token is read-only; make a read-and-write token to change anything.");
  }
  return bearer.actor;
}
