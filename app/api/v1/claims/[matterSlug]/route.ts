import { NextResponse } from "next/server";
import { CLAIM_BODY_LIMIT_BYTES, claimIntake } from "@/lib/server/claims/claim-intake";

// POST /api/v1/claims/:matterSlug — the public claim form as JSON (same use case as the form).
// In production scripts/web-server.ts answers this path itself, before Next.js, through the same
// claimIntake; this route serves `next dev` and a plain `next start`.
export async function POST(request: Request, { params }: { params: Promise<{ matterSlug: string }> }) {
  const { matterSlug } = await params;
  const raw = await request.text();
  if (Buffer.byteLength(raw) > CLAIM_BODY_LIMIT_BYTES) return NextResponse.json({ error: "A claim is at most 64 KiB" }, { status: 413 });
  const answer = await claimIntake(matterSlug, raw, request.headers);
  return NextResponse.json(answer.body, { status: answer.status, headers: answer.headers });
}
