import { ZAllegationPage } from "@/lib/schemas/api";
import { listAllegationsForApi } from "@/lib/server/api/list-allegations";
import { jsonWithEtag } from "@/lib/server/http/etag";
import { sessionRoute } from "@/lib/server/http/route";

// GET ?status=&limit=&cursor=: the matter's allegations with their derived support status.
export const GET = sessionRoute<{ matterId: string }>(async ({ request, params, actor }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return jsonWithEtag(request, ZAllegationPage.parse(await listAllegationsForApi(actor, params.matterId, query)));
});
