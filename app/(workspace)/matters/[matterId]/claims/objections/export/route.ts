import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";
import { exportObjectionsCsv } from "@/lib/server/settlement/export-objections";

export const GET = sessionRoute<{ matterId: string }>(async ({ params, actor }) => {
  const body = await exportObjectionsCsv(actor, params.matterId);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", `objections-${new Date().toISOString().slice(0, 10)}.csv`),
      "Cache-Control": "private, no-store",
    },
  });
});
