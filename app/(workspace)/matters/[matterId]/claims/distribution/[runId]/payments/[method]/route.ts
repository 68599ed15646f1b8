import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";
import { exportPaymentFile } from "@/lib/server/distribution/export-payment-file";

// A payment file of the locked distribution (NACHA for ACH, CSV for the others, a ZIP of upload
// files for PayPal or Venmo past 5,000 payments): attorney-only, audited by the use case, which
// marks its payments sent (their members' details then stay as they are).
export const GET = sessionRoute<{ matterId: string; runId: string; method: string }>(async ({ params, actor }) => {
  const file = await exportPaymentFile(actor, params.matterId, params.runId, params.method);
  return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition("attachment", file.filename),
      "Cache-Control": "private, no-store",
      "X-Payments": String(file.payments),
      ...(file.parts ? { "X-Payment-File-Parts": String(file.parts.length) } : {}),
      "X-Missing-Payment-Details": String(file.missingDetails),
    },
  });
});
