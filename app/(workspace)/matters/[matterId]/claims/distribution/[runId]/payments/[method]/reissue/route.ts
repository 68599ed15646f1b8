import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";
import { exportPaymentFile } from "@/lib/server/distribution/export-payment-file";

// The re-issue file of one method: the queue's failed and returned payments, which become pending
// again. A POST from the distribution page's form (it changes the payments), never a link.
export const POST = sessionRoute<{ matterId: string; runId: string; method: string }>(
  async ({ params, actor }) => {
    const file = await exportPaymentFile(actor, params.matterId, params.runId, params.method, { reissue: true });
    return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": contentDisposition("attachment", file.filename),
        "Cache-Control": "private, no-store",
        "X-Payments": String(file.payments),
        ...(file.parts ? { "X-Payment-File-Parts": String(file.parts.length) } : {}),
      },
    });
  },
  { accepts: ["application/x-www-form-urlencoded", "multipart/form-data"] },
);
