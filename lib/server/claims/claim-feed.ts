import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import { actorFromBearerToken } from "@/lib/server/auth/actor-from-bearer-token";
import type { HeaderSource } from "@/lib/server/http/header-source";

export type ClaimFeed = { tokenId: string; matterId: string };

// Who files through the claim API: anyone (no Authorization header: null), or a claim feed —
// a live SERVICE token made for this very matter, whose id the claim's audit row then carries.
// A token that is not live is 401 (never a fallback to the public form: the feed must learn at
// once that it stopped working); a personal access token is 403 (claims are filed by class
// members or a feed, not as a member of staff); another matter's feed token is 404, as that
// matter is not the token's to know.
export async function claimFeedFrom(headers: HeaderSource, matterSlug: string, ip: string | undefined): Promise<ClaimFeed | null> {
  const bearer = await actorFromBearerToken(headers.get("authorization"), ip);
  if (bearer.kind === "none") return null;
  if (bearer.kind === "invalid") throw new AppError("UNAUTHENTICATED", "The API token is not valid: it is malformed, unknown, revoked or expired.");
  const token = bearer.actor.token!;
  if (token.kind !== "SERVICE") throw new AppError("FORBIDDEN", "Personal access tokens do not file claims: use the matter's claim-feed token, or send the claim without a token.");
  const matter = await db.matter.findUnique({ where: { slug: matterSlug }, select: { id: true } });
  if (!matter || !token.matterIds.includes(matter.id)) throw AppError.notFound("No claim form here");
  return { tokenId: token.id, matterId: matter.id };
}
