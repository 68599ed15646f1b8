import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";
import { exportOptOutsCsv } from "@/lib/server/settlement/export-opt-outs";

export const GET = sessionRoute<{ matterId: string }>(async ({ params, actor }) => {
  const body = await exportOptOutsCsv(actor, params.matterId);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", `opt-outs-${new Date().toISOString().slice(0, 10)}.csv`),
      "Cache-Control": "private, no-store",
    },
  });
});
