import { isAppError } from "@/lib/app-error";
import { requirePermission } from "@/lib/server/auth/policy";
import { importNoticeRecipients } from "@/lib/server/claims/import-notice-recipients";
import { sessionRoute } from "@/lib/server/http/route";

// POST the raw CSV as the request body (Content-Type: text/csv); the answer streams NDJSON:
// {"progress": rows} lines while it runs, then {"report": …} (or {"error": …}). The file is never
// held in memory whole. The permission is checked before the stream starts so a refusal is an
// ordinary JSON error with its status; the use case checks it again.
export const POST = sessionRoute<{ matterId: string }>(
  async ({ request, params, actor }) => {
    await requirePermission(actor, params.matterId, "claims.import");
    const body = request.body;
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const line = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
        try {
          if (!body) throw new Error("empty body");
          const report = await importNoticeRecipients(actor, params.matterId, body, (rows) => line({ progress: rows }));
          line({ report });
        } catch (error) {
          line({ error: { code: isAppError(error) ? error.code : "INTERNAL", message: isAppError(error) ? error.message : "The import failed; rows already written are kept." } });
        }
        controller.close();
      },
    });
    return new Response(stream, { headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store" } });
  },
  { accepts: ["text/csv"] },
);
