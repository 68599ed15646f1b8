import "server-only";
import { Readable } from "node:stream";
import { contentDisposition } from "@/lib/server/http/content-disposition";
import type { ClaimAttachmentFile } from "@/lib/server/claims/open-claim-attachment";

// Members upload these files, so nothing in one may run in the app's origin: always an
// attachment (never rendered inline, not even a PDF or an image), never sniffed, and sandboxed
// should a browser render it anyway.
export function claimAttachmentResponse(file: ClaimAttachmentFile): Response {
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition("attachment", file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'; frame-ancestors 'none'",
      "Cache-Control": "private, no-store",
      "X-Content-SHA256": file.sha256,
    },
  });
}
