import { Readable } from "node:stream";
import { AppError } from "@/lib/app-error";
import { getActor } from "@/lib/server/auth/get-actor";
import { openExhibitFile } from "@/lib/server/exhibits/open-exhibit-file";
import { errorResponse } from "@/lib/server/exhibits/route-errors";

// ?view=1 renders PDFs, images and plain text inline (the viewer); otherwise an attachment.
export async function GET(request: Request, { params }: { params: Promise<{ matterId: string; exhibitId: string }> }) {
  const { matterId, exhibitId } = await params;
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const view = new URL(request.url).searchParams.get("view") === "1";
    const file = await openExhibitFile(actor, matterId, exhibitId, view ? "view" : "download");
    const disposition = `${file.inline ? "inline" : "attachment"}; filename="${asciiName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
    const headers: Record<string, string> = {
      "Content-Type": file.mediaType.startsWith("text/") ? `${file.mediaType}; charset=utf-8` : file.mediaType,
      "Content-Length": String(file.size),
      "Content-Disposition": disposition,
      "X-Content-SHA256": file.sha256,
      "Cache-Control": "private, no-store",
      // The exhibit viewer frames the file on our own pages; nothing in it may run script.
      "X-Frame-Options": "SAMEORIGIN",
    };
    // Chromium's PDF viewer does not run under a restrictive CSP; PDFs run no page script anyway.
    if (file.mediaType !== "application/pdf") headers["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'; frame-ancestors 'self'";
    return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, { headers });
  } catch (error) {
    return errorResponse(error);
  }
}

function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
}
