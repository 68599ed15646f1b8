import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";
import { gapReportCsv } from "@/lib/server/ledger/gap-report-csv";

export const GET = sessionRoute<{ matterId: string }>(async ({ params, actor }) => {
  const { filename, body } = await gapReportCsv(actor, params.matterId);
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": contentDisposition("attachment", filename), "Cache-Control": "private, no-store" },
  });
});
