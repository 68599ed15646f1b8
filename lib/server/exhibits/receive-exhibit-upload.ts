import "server-only";
import { AppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import type { HeaderSource } from "@/lib/server/claims/forwarded-headers";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { errorAnswer, type JsonAnswer } from "@/lib/server/exhibits/route-errors";

// POST /api/v1/matters/:matterId/exhibits as plain data in and out: the raw file is the request
// body (not multipart, not a server action, whose body limits would cap it) and its name travels
// URL-encoded in X-File-Name. Shared by the production web server's lean upload path
// (scripts/web-server.ts: Node's request stream straight to the blob store, no Web-stream copy)
// and the Next.js route (for `next dev`), so both answer alike: 201 new, 200 duplicate, 4xx named.
export async function receiveExhibitUpload(
  actor: Actor | null,
  matterId: string,
  body: AsyncIterable<Uint8Array> | null,
  headers: HeaderSource,
): Promise<JsonAnswer> {
  try {
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const rawName = headers.get("x-file-name");
    let fileName: string | null = null;
    try {
      fileName = rawName == null ? null : decodeURIComponent(rawName);
    } catch {
      throw new AppError("VALIDATION", "The file name is not correctly encoded.", { fileName: ["The file name is not correctly encoded."] });
    }
    const length = headers.get("content-length");
    const result = await ingestExhibit(actor, matterId, {
      body,
      fileName,
      declaredSize: length == null ? null : Number(length),
      declaredSha256: headers.get("x-content-sha256") ?? null,
    });
    return {
      status: result.duplicate ? 200 : 201,
      body: {
        exhibit: { id: result.exhibit.id, label: result.label, title: result.exhibit.title, sha256: result.exhibit.blobSha256 },
        duplicate: result.duplicate,
      },
    };
  } catch (error) {
    return errorAnswer(error);
  }
}
