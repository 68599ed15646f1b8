import { Readable } from "node:stream";
import { openProductionZip } from "@/lib/server/exhibits/production-zip";
import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";

export const GET = sessionRoute<{ matterId: string; productionId: string }>(async ({ params, actor }) => {
  const { stream, fileName } = await openProductionZip(actor, params.matterId, params.productionId);
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: { "Content-Type": "application/zip", "Content-Disposition": contentDisposition("attachment", fileName), "Cache-Control": "private, no-store" },
  });
});
