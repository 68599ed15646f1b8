import { Readable } from "node:stream";
import { contentDisposition } from "@/lib/server/http/content-disposition";
import { fromHeaders } from "@/lib/server/http/forwarded-headers";
import { publicRoute } from "@/lib/server/http/route";
import { openPublishedDocument } from "@/lib/server/settlement-site/open-published-document";

// A court document from a settlement website: public, only while published, re-verified as read.
export const GET = publicRoute<{ matterSlug: string; exhibitId: string }>(async ({ request, params }) => {
  const file = await openPublishedDocument(params.matterSlug, params.exhibitId, fromHeaders(request.headers).ip);
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition("attachment", file.fileName),
      "X-Content-SHA256": file.sha256,
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
    },
  });
});
