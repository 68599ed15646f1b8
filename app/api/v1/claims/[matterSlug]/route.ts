import { CLAIM_BODY_LIMIT_BYTES, claimIntake } from "@/lib/server/claims/claim-intake";
import { markGated } from "@/lib/server/http/gate-marker";
import { errorResponse } from "@/lib/server/http/json-error";
import { AppError } from "@/lib/app-error";

// POST /api/v1/claims/:matterSlug — the public claim form as JSON (same use case as the form).
// In production scripts/web-server.ts answers this path itself, before Next.js, through the same
// claimIntake (which runs the public route checks and the rate limits); this route serves `next dev`.
export const POST = markGated(
  async (request: Request, { params }: { params: Promise<{ matterSlug: string }> }) => {
    const { matterSlug } = await params;
    const raw = await request.text();
    if (Buffer.byteLength(raw) > CLAIM_BODY_LIMIT_BYTES) return errorResponse(new AppError("PAYLOAD_TOO_LARGE", "A claim is at most 64 KiB."));
    const answer = await claimIntake(matterSlug, raw, request.headers);
    return Response.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store", ...answer.headers } });
  },
  { kind: "public-route" },
);
