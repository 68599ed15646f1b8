import "server-only";
import { AppError } from "@/lib/app-error";
import { ZClaimFiled } from "@/lib/schemas/api";
import { fromHeaders } from "@/lib/server/http/forwarded-headers";
import type { HeaderSource } from "@/lib/server/http/header-source";
import { errorAnswer, type JsonAnswer } from "@/lib/server/http/json-error";
import { refuseCrossSite, requireContentType } from "@/lib/server/http/request-guard";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { claimFeedFrom } from "@/lib/server/claims/claim-feed";
import { claimFeedLimits, claimSubmitLimits } from "@/lib/server/rate-limit/limits";
import { enforce } from "@/lib/server/rate-limit/rate-limit";

export type IntakeResponse = JsonAnswer;

// The public claim API, POST /api/v1/claims/:matterSlug, as plain data in and out: the web
// server's lean intake path (scripts/web-server.ts, in development and production alike; there
// is no Next.js route for it) answers with it: 201 with the claim number; 200 when the idempotency key
// was already used; 400 for a body that is not a JSON object; 403 from another site; 415 for a
// body that is not declared JSON; 422 naming fields; 429 with Retry-After; 500 with a reference
// and nothing saved — every refusal in the one JSON error shape. A claim feed sends its service
// token as `Authorization: Bearer` (401 not live, 403 a personal token, 404 another matter's);
// its claims are rate-limited per token instead of per address and audited with the token.
export async function claimIntake(matterSlug: string, rawBody: string, headers: HeaderSource): Promise<IntakeResponse> {
  const ctx = fromHeaders(headers);
  try {
    refuseCrossSite("POST", headers);
    requireContentType(headers, ["application/json"]);
    const feed = await claimFeedFrom(headers, matterSlug, ctx.ip ?? undefined);
    let body: unknown = null;
    try {
      body = JSON.parse(rawBody);
    } catch {
      // answered below
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("BAD_REQUEST", "Send the claim as a JSON object.");
    const email = (body as Record<string, unknown>).email;
    const emailKey = typeof email === "string" ? email.toLowerCase() : undefined;
    await enforce(feed ? claimFeedLimits(feed.tokenId, emailKey) : claimSubmitLimits(ctx.ip ?? "unknown", emailKey));
    const result = await submitClaim(matterSlug, body, { ...ctx, viaTokenId: feed?.tokenId ?? null });
    return { status: result.created ? 201 : 200, body: ZClaimFiled.parse({ number: result.number, created: result.created }) };
  } catch (error) {
    return errorAnswer(error);
  }
}

// Claims are a few kilobytes; anything far larger is not a claim.
export const CLAIM_BODY_LIMIT_BYTES = 64 * 1024;
