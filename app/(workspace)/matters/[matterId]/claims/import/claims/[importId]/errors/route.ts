import { Readable } from "node:stream";
import { exportClaimImportErrors } from "@/lib/server/claims/export-claim-import-errors";
import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";

// GET: an import's per-row error report (line, field, message) as CSV, streamed.
export const GET = sessionRoute<{ matterId: string; importId: string }>(
  async ({ params, actor }) => {
    const file = await exportClaimImportErrors(actor, params.matterId, params.importId);
    return new Response(Readable.toWeb(file.body) as ReadableStream<Uint8Array>, {
      headers: { "Content-Type": file.contentType, "Content-Disposition": contentDisposition("attachment", file.fileName), "Cache-Control": "private, no-store" },
    });
  },
  { signedOut: (p) => `/login?next=${encodeURIComponent(`/matters/${p.matterId}/claims/import`)}` },
);
