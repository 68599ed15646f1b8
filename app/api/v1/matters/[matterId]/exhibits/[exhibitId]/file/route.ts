import { Readable } from "node:stream";
import { openExhibitFile } from "@/lib/server/exhibits/open-exhibit-file";
import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";

// ?view=1 answers PDFs, images and plain text inline (the viewer fetches PDFs for pdf.js; images
// show in an <img>); otherwise an attachment.
export const GET = sessionRoute<{ matterId: string; exhibitId: string }>(async ({ request, params, actor }) => {
  const view = new URL(request.url).searchParams.get("view") === "1";
  const file = await openExhibitFile(actor, params.matterId, params.exhibitId, view ? "view" : "download");
  const headers: Record<string, string> = {
    "Content-Type": file.mediaType.startsWith("text/") ? `${file.mediaType}; charset=utf-8` : file.mediaType,
    "Content-Length": String(file.size),
    "Content-Disposition": contentDisposition(file.inline ? "inline" : "attachment", file.fileName),
    "X-Content-SHA256": file.sha256,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    // The exhibit viewer frames the file on our own pages; nothing in it may run script.
    "X-Frame-Options": "SAMEORIGIN",
  };
  // PDFs too: the exhibit page draws them with pdf.js from a fetch, so no browser PDF viewer (which
  // would not run under this policy) ever needs to open one from here.
  headers["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'; frame-ancestors 'self'";
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, { headers });
});
