import { previewExhibit } from "@/lib/server/evidence/preview-exhibit";
import { sessionRoute } from "@/lib/server/http/route";

// GET: what the link dialog shows of the chosen exhibit before linking it.
export const GET = sessionRoute<{ matterId: string; exhibitId: string }>(async ({ params, actor }) => {
  const exhibit = await previewExhibit(actor, params.matterId, params.exhibitId);
  return Response.json({ exhibit }, { headers: { "Cache-Control": "private, no-store" } });
});
