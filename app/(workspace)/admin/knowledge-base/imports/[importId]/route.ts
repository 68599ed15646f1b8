import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";
import { getKbImportReport } from "@/lib/server/knowledge-base/get-kb-import-report";

// An import's refused rows (line, domain or signature, reason) as CSV.
export const GET = sessionRoute<{ importId: string }>(async ({ params, actor }) => {
  const { fileName, csv } = await getKbImportReport(actor, params.importId);
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": contentDisposition("attachment", fileName), "Cache-Control": "private, no-store" },
  });
});
