import { ZClaimPage } from "@/lib/schemas/api";
import { listClaimsForApi } from "@/lib/server/api/list-claims";
import { jsonWithEtag } from "@/lib/server/http/etag";
import { sessionRoute } from "@/lib/server/http/route";

// GET ?status=&limit=&cursor=: the matter's claims, oldest first.
export const GET = sessionRoute<{ matterId: string }>(async ({ request, params, actor }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return jsonWithEtag(request, ZClaimPage.parse(await listClaimsForApi(actor, params.matterId, query)));
});
