import { ZExhibitDetail } from "@/lib/schemas/api";
import { getExhibitForApi } from "@/lib/server/api/get-exhibit";
import { jsonWithEtag } from "@/lib/server/http/etag";
import { sessionRoute } from "@/lib/server/http/route";

// GET: one exhibit's metadata and the SHA-256 of its original.
export const GET = sessionRoute<{ matterId: string; exhibitId: string }>(async ({ request, params, actor }) =>
  jsonWithEtag(request, ZExhibitDetail.parse(await getExhibitForApi(actor, params.matterId, params.exhibitId))),
);
