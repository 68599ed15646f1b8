import { ZGapReport } from "@/lib/schemas/api";
import { getGapReportForApi } from "@/lib/server/api/get-gap-report";
import { jsonWithEtag } from "@/lib/server/http/etag";
import { sessionRoute } from "@/lib/server/http/route";

// GET ?limit=&cursor=: the gap report — the allegations not proven, a page at a time in complaint
// order, with their open evidence requests and the report's totals.
export const GET = sessionRoute<{ matterId: string }>(async ({ request, params, actor }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return jsonWithEtag(request, ZGapReport.parse(await getGapReportForApi(actor, params.matterId, query)));
});
