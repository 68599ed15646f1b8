import { findLinkableExhibits } from "@/lib/server/evidence/find-linkable-exhibits";
import { sessionRoute } from "@/lib/server/http/route";

// GET ?q=: the link dialog's finder (number, title, text).
export const GET = sessionRoute<{ matterId: string }>(async ({ request, params, actor }) => {
  const q = new URL(request.url).searchParams.get("q") ?? undefined;
  const exhibits = await findLinkableExhibits(actor, params.matterId, q === undefined ? {} : { q });
  return Response.json({ exhibits }, { headers: { "Cache-Control": "private, no-store" } });
});
