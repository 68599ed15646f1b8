import "server-only";
import { createHash } from "node:crypto";

// A GET's JSON with a strong ETag of its bytes; a client that sends the tag back in
// If-None-Match gets 304 and no body, so polling scripts cost one query and no transfer.
export function jsonWithEtag(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers = { ETag: etag, "Cache-Control": "private, no-cache", "Content-Type": "application/json" };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers });
}
