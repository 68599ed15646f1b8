import { ZExhibitPage } from "@/lib/schemas/api";
import { listExhibitsForApi } from "@/lib/server/api/list-exhibits";
import { jsonWithEtag } from "@/lib/server/http/etag";
import { sessionRoute } from "@/lib/server/http/route";

// GET ?q=&kind=&designation=&tag=&link=&from=&to=&limit=&cursor=: the Exhibits page's list.
export const GET = sessionRoute<{ matterId: string }>(async ({ request, params, actor }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return jsonWithEtag(request, ZExhibitPage.parse(await listExhibitsForApi(actor, params.matterId, query)));
});

// POST (streaming upload) is answered by the web server itself, before Next.js, in development
// and production alike: scripts/web-server.ts and lib/server/http/lean-paths.ts.
