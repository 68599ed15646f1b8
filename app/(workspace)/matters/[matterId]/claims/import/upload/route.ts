import { isAppError } from "@/lib/app-error";
import { getActor } from "@/lib/server/auth/get-actor";
import { requireMatterRole } from "@/lib/server/auth/policy";
import { importNoticeRecipients } from "@/lib/server/claims/import-notice-recipients";

// POST the raw CSV as the request body; the answer streams NDJSON: {"progress": rows} lines while
// it runs, then {"report": …} (or {"error": …}). The file is never held in memory whole.
export async function POST(request: Request, { params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await getActor();
  if (!actor) return new Response("Sign in to continue.", { status: 401 });
  try {
    await requireMatterRole(actor, matterId, ["ATTORNEY", "PARALEGAL"]);
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: error.code === "FORBIDDEN" ? 403 : 404 });
    throw error;
  }
  if (!request.body) return new Response("Send the CSV file as the request body.", { status: 400 });
  const body = request.body;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const line = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const report = await importNoticeRecipients(actor, matterId, body, (rows) => line({ progress: rows }));
        line({ report });
      } catch (error) {
        line({ error: isAppError(error) ? error.message : "The import failed; rows already written are kept." });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson" } });
}
