import "server-only";
import { randomUUID } from "node:crypto";
import { isAppError } from "@/lib/app-error";
import { fromHeaders, type HeaderSource } from "@/lib/server/claims/forwarded-headers";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { logger } from "@/lib/server/logger";
import { claimSubmitLimits } from "@/lib/server/rate-limit/limits";
import { enforce, RateLimitedError } from "@/lib/server/rate-limit/rate-limit";

export type IntakeResponse = { status: number; headers?: Record<string, string>; body: Record<string, unknown> };

// The public claim API, POST /api/v1/claims/:matterSlug, as plain data in and out so that both
// the production web server's lean intake path (scripts/web-server.ts) and the Next.js route
// (for `next dev`) answer exactly alike: 201 with the claim number; 200 when the idempotency key
// was already used; 400 for a body that is not a JSON object; 422 naming fields; 429 with
// Retry-After; 500 with a reference and nothing saved.
export async function claimIntake(matterSlug: string, rawBody: string, headers: HeaderSource): Promise<IntakeResponse> {
  const ctx = fromHeaders(headers);
  try {
    let body: unknown = null;
    try {
      body = JSON.parse(rawBody);
    } catch {
      // answered below
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) return { status: 400, body: { error: "Send a JSON object" } };
    const email = (body as Record<string, unknown>).email;
    await enforce(claimSubmitLimits(ctx.ip ?? "unknown", typeof email === "string" ? email.toLowerCase() : undefined));
    const result = await submitClaim(matterSlug, body, ctx);
    return { status: result.created ? 201 : 200, body: { number: result.number, created: result.created } };
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) }, body: { error: error.message } };
    }
    if (isAppError(error)) return { status: error.status, body: { error: error.message, fieldErrors: error.fieldErrors } };
    const eventId = randomUUID();
    logger.error({ err: error, eventId }, "claim submit failed");
    return { status: 500, body: { error: `Something went wrong; nothing was saved. Reference: ${eventId}` } };
  }
}

// Claims are a few kilobytes; anything far larger is not a claim.
export const CLAIM_BODY_LIMIT_BYTES = 64 * 1024;
