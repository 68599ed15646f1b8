import { exportClaimsCsv } from "@/lib/server/claims/export-claims";
import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";

export const GET = sessionRoute<{ matterId: string }>(async ({ request, params, actor }) => {
  const filters = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const body = await exportClaimsCsv(actor, params.matterId, filters);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", `claims-${new Date().toISOString().slice(0, 10)}.csv`),
      "Cache-Control": "private, no-store",
    },
  });
});
