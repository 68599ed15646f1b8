import "server-only";
import { apiActor } from "@/lib/server/auth/api-actor";
import { AppError } from "@/lib/app-error";
import { ZExhibitUploaded } from "@/lib/schemas/api";
import { ZNewExhibitMetadata } from "@/lib/schemas/exhibit";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import type { HeaderSource } from "@/lib/server/http/header-source";
import { errorAnswer, type JsonAnswer } from "@/lib/server/http/json-error";
import { refuseCrossSite, refuseFormContentType } from "@/lib/server/http/request-guard";

// POST /api/v1/matters/:matterId/exhibits as plain data in and out: the raw file is the request
// body (not multipart, not a server action, whose body limits would cap it) and its name travels
// URL-encoded in X-File-Name. Answered by the web server's lean upload path (scripts/web-server.ts,
// in development and production alike: Node's request stream straight to the blob store, no
// Web-stream copy): 201 new, 200 duplicate, 4xx named.
export async function receiveExhibitUpload(
  // The session's user; a bearer token in the headers takes precedence (api-actor.ts).
  session: () => Promise<Actor | null>,
  matterId: string,
  body: AsyncIterable<Uint8Array> | null,
  headers: HeaderSource,
): Promise<JsonAnswer & { bodyRead: boolean }> {
  // Everything refused before ingestExhibit starts reading leaves the body unread: the caller
  // then closes the connection instead of draining what a stranger promised to send.
  let bodyRead = false;
  try {
    refuseCrossSite("POST", headers);
    const actor = await apiActor(headers, "POST", session);
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    refuseFormContentType(headers);
    const rawName = headers.get("x-file-name");
    let fileName: string | null = null;
    try {
      fileName = rawName == null ? null : decodeURIComponent(rawName);
    } catch {
      throw new AppError("VALIDATION", "The file name is not correctly encoded.", { fileName: ["The file name is not correctly encoded."] });
    }
    const length = headers.get("content-length");
    // Checked here too (ingestExhibit checks it again) so that a stranger's refusal is known to
    // have come before the body.
    await requirePermission(actor, matterId, "exhibits.upload");
    const metadata = readMetadataHeader(headers.get("x-exhibit-metadata") ?? null);
    bodyRead = true;
    const result = await ingestExhibit(actor, matterId, {
      body,
      fileName,
      declaredSize: length == null ? null : Number(length),
      declaredSha256: headers.get("x-content-sha256") ?? null,
      metadata,
    });
    return {
      bodyRead,
      status: result.duplicate ? 200 : 201,
      body: ZExhibitUploaded.parse({
        exhibit: { id: result.exhibit.id, label: result.label, title: result.exhibit.title, sha256: result.exhibit.blobSha256 },
        duplicate: result.duplicate,
      }),
    };
  } catch (error) {
    return { ...errorAnswer(error), bodyRead };
  }
}


// X-Exhibit-Metadata: the upload-and-link prompt's answers as URL-encoded JSON (title, source,
// custodian, obtainedAt, collectedBy). Checked against its schema before a byte of the body is
// read, so a missing title is a 422 naming the field, not a stored file with a bad title.
function readMetadataHeader(raw: string | null): Record<string, unknown> | null {
  if (raw == null) return null;
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(raw));
  } catch {
    throw new AppError("VALIDATION", "The exhibit's details are not correctly encoded.", { metadata: ["The exhibit's details are not correctly encoded."] });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AppError("VALIDATION", "The exhibit's details must be an object.", { metadata: ["The exhibit's details must be an object."] });
  }
  // As from a form: a blank answer is no answer.
  const entries = Object.entries(value).filter(([, v]) => !(typeof v === "string" && v.trim() === ""));
  return parseInput(ZNewExhibitMetadata, Object.fromEntries(entries));
}
