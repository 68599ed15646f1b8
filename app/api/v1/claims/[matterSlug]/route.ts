import { NextResponse } from "next/server";
import { randomUUID } from "node:crypto";
import { isAppError } from "@/lib/app-error";
import { fromHeaders } from "@/lib/server/claims/request-context";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { logger } from "@/lib/server/logger";
import { claimSubmitLimits } from "@/lib/server/rate-limit/limits";
import { enforce, RateLimitedError } from "@/lib/server/rate-limit/rate-limit";

// POST /api/v1/claims/:matterSlug — the public claim form as JSON (same use case as the form).
// 201 with the claim number; 200 when the idempotency key was already used; 422 naming fields;
// 429 with Retry-After.
export async function POST(request: Request, { params }: { params: Promise<{ matterSlug: string }> }) {
  const { matterSlug } = await params;
  const ctx = fromHeaders(request.headers);
  try {
    const body: unknown = await request.json().catch(() => null);
    if (!body || typeof body !== "object") return NextResponse.json({ error: "Send a JSON object" }, { status: 400 });
    const email = (body as Record<string, unknown>).email;
    await enforce(claimSubmitLimits(ctx.ip ?? "unknown", typeof email === "string" ? email.toLowerCase() : undefined));
    const result = await submitClaim(matterSlug, body, ctx);
    return NextResponse.json({ number: result.number, created: result.created }, { status: result.created ? 201 : 200 });
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return NextResponse.json({ error: error.message }, { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } });
    }
    if (isAppError(error)) return NextResponse.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: error.status });
    const eventId = randomUUID();
    logger.error({ err: error, eventId }, "claim submit failed");
    return NextResponse.json({ error: `Something went wrong; nothing was saved. Reference: ${eventId}` }, { status: 500 });
  }
}
