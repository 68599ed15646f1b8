import { Readable } from "node:stream";
import { openRedactedCopy } from "@/lib/server/exhibits/open-redacted-copy";
import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";

export const GET = sessionRoute<{ matterId: string; exhibitId: string; copyId: string }>(async ({ params, actor }) => {
  const file = await openRedactedCopy(actor, params.matterId, params.exhibitId, params.copyId);
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition("inline", file.fileName),
      "X-Content-SHA256": file.sha256,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "SAMEORIGIN",
    },
  });
});
