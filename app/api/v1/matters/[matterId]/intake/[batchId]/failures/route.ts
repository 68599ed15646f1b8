import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";
import { exportIntakeFailures } from "@/lib/server/intake/export-intake-failures";

// GET: the batch's per-file failure report (name, reason) as CSV.
export const GET = sessionRoute<{ matterId: string; batchId: string }>(async ({ params, actor }) => {
  const file = await exportIntakeFailures(actor, params.matterId, params.batchId);
  return new Response(new Uint8Array(file.body), {
    headers: { "Content-Type": file.contentType, "Content-Disposition": contentDisposition("attachment", file.fileName), "Cache-Control": "private, no-store" },
  });
});
