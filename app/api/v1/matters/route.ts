import { ZMatterList } from "@/lib/schemas/api";
import { jsonWithEtag } from "@/lib/server/http/etag";
import { sessionRoute } from "@/lib/server/http/route";
import { listMyMatters } from "@/lib/server/matters/list-my-matters";

// GET: the matters the caller is a member of (a token: those it was made for).
export const GET = sessionRoute(async ({ request, actor }) => {
  const matters = await listMyMatters(actor);
  return jsonWithEtag(
    request,
    ZMatterList.parse({ matters: matters.map((m) => ({ id: m.id, caption: m.caption, shortName: m.shortName, court: m.court, docketNumber: m.docketNumber, role: m.role })) }),
  );
});
