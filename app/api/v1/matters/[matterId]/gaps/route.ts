import { ZGapReport } from "@/lib/schemas/api";
import { getGapReportForApi } from "@/lib/server/api/get-gap-report";
import { jsonWithEtag } from "@/lib/server/http/etag";
import { sessionRoute } from "@/lib/server/http/route";

// GET: the gap report — every allegation not proven, with its open evidence requests.
export const GET = sessionRoute<{ matterId: string }>(async ({ request, params, actor }) => jsonWithEtag(request, ZGapReport.parse(await getGapReportForApi(actor, params.matterId))));
