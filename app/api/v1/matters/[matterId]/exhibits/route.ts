import { getActor } from "@/lib/server/auth/get-actor";
import { exhibitMaxBytes } from "@/lib/server/exhibits/limits";
import { receiveExhibitUpload } from "@/lib/server/exhibits/receive-exhibit-upload";
import { readChunks } from "@/lib/server/storage/blob-store";

// Streaming upload. In production scripts/web-server.ts answers this path itself, before
// Next.js, through the same receiveExhibitUpload; this route serves `next dev` and `next start`.
export async function POST(request: Request, { params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const body = request.body;
  const answer = await receiveExhibitUpload(await getActor(), matterId, body ? readChunks(body) : null, request.headers);
  if (answer.status >= 400) await drain(body, Number(request.headers.get("content-length") ?? NaN));
  return Response.json(answer.body, { status: answer.status });
}

// A refusal can come after the first few KiB; reading the rest (bounded by the limit) lets the
// browser receive the answer instead of a reset connection.
async function drain(body: ReadableStream<Uint8Array> | null, declared: number): Promise<void> {
  if (!body || body.locked) return;
  if (!(declared > 0 && declared <= exhibitMaxBytes())) return;
  try {
    const reader = body.getReader();
    for (;;) if ((await reader.read()).done) break;
  } catch {
    // the client went away: nothing to answer
  }
}
