import { ZExhibitPage } from "@/lib/schemas/api";
import { listExhibitsForApi } from "@/lib/server/api/list-exhibits";
import { getActor } from "@/lib/server/auth/get-actor";
import { receiveExhibitUpload } from "@/lib/server/exhibits/receive-exhibit-upload";
import { jsonWithEtag } from "@/lib/server/http/etag";
import { markGated } from "@/lib/server/http/gate-marker";
import { sessionRoute } from "@/lib/server/http/route";
import { readChunks } from "@/lib/server/storage/blob-store";

// GET ?q=&kind=&designation=&tag=&link=&from=&to=&limit=&cursor=: the Exhibits page's list.
export const GET = sessionRoute<{ matterId: string }>(async ({ request, params, actor }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return jsonWithEtag(request, ZExhibitPage.parse(await listExhibitsForApi(actor, params.matterId, query)));
});

// POST: streaming upload. In production scripts/web-server.ts answers this path itself, before
// Next.js, through the same receiveExhibitUpload (which runs the route wrapper's checks: cross-
// site refusal, content type, session, then the use case's permission); this route serves
// `next dev`.
export const POST = markGated(
  async (request: Request, { params }: { params: Promise<{ matterId: string }> }) => {
    const { matterId } = await params;
    const body = request.body;
    const answer = await receiveExhibitUpload(getActor, matterId, body ? readChunks(body) : null, request.headers);
    // A refusal after the first bytes (wrong type) reads the rest so the browser receives the
    // answer; one before (signed out, no access) does not wait for a body nobody asked for.
    if (answer.status >= 400 && answer.bodyRead) await drain(body);
    return Response.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store", ...answer.headers } });
  },
  { kind: "session-route" },
);

async function drain(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body || body.locked) return;
  try {
    const reader = body.getReader();
    for (;;) if ((await reader.read()).done) break;
  } catch {
    // the client went away: nothing to answer
  }
}
