import { contentDisposition } from "@/lib/server/http/content-disposition";
import { sessionRoute } from "@/lib/server/http/route";
import { exportChronology } from "@/lib/server/chronology/export-chronology";

// The page's filters come as query parameters; the schema refuses any it does not know.
export const GET = sessionRoute<{ matterId: string }>(async ({ request, params, actor }) => {
  const file = await exportChronology(actor, params.matterId, "pdf", Object.fromEntries(new URL(request.url).searchParams));
  return new Response(new Uint8Array(file.body), {
    headers: { "Content-Type": file.contentType, "Content-Disposition": contentDisposition("attachment", file.fileName), "Cache-Control": "private, no-store" },
  });
});
