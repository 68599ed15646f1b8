import { AppError } from "@/lib/app-error";
import { getActor } from "@/lib/server/auth/get-actor";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { exhibitMaxBytes } from "@/lib/server/exhibits/limits";
import { errorResponse } from "@/lib/server/exhibits/route-errors";
import { readChunks } from "@/lib/server/storage/blob-store";

// Streaming upload: the raw file is the request body (not multipart, not a server action, whose
// body limits would cap it), the name travels URL-encoded in X-File-Name.
export async function POST(request: Request, { params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const body = request.body;
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const rawName = request.headers.get("x-file-name");
    let fileName: string | null = null;
    try {
      fileName = rawName == null ? null : decodeURIComponent(rawName);
    } catch {
      throw new AppError("VALIDATION", "The file name is not correctly encoded.", { fileName: ["The file name is not correctly encoded."] });
    }
    const length = request.headers.get("content-length");
    const result = await ingestExhibit(actor, matterId, {
      body: body ? readChunks(body) : null,
      fileName,
      declaredSize: length == null ? null : Number(length),
      declaredSha256: request.headers.get("x-content-sha256"),
    });
    return Response.json(
      {
        exhibit: { id: result.exhibit.id, label: result.label, title: result.exhibit.title, sha256: result.exhibit.blobSha256 },
        duplicate: result.duplicate,
      },
      { status: result.duplicate ? 200 : 201 },
    );
  } catch (error) {
    await drain(body, Number(request.headers.get("content-length") ?? NaN));
    return errorResponse(error);
  }
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
