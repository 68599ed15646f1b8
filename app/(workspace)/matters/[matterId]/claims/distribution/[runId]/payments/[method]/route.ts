import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";
import { exportPaymentFile } from "@/lib/server/distribution/export-payment-file";

// A payment file of the locked distribution (NACHA for ACH, CSV for the others): attorney-only,
// audited by the use case.
export const GET = sessionRoute<{ matterId: string; runId: string; method: string }>(async ({ params, actor }) => {
  const file = await exportPaymentFile(actor, params.matterId, params.runId, params.method);
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition("attachment", file.filename),
      "Cache-Control": "private, no-store",
      "X-Payments": String(file.payments),
      "X-Missing-Payment-Details": String(file.missingDetails),
    },
  });
});
