import { AppError } from "@/lib/app-error";
import { sessionRoute } from "@/lib/server/http/route";
import { startClaimImport } from "@/lib/server/claims/start-claim-import";
import { readChunks } from "@/lib/server/storage/blob-store";

// POST ?sendMail=true|false: a CSV of claims as the raw request body (Content-Type: text/csv),
// its name URL-encoded in X-File-Name. The file is stored as a blob and the import queued; the
// answer (202) names the import, whose page shows its progress and error report.
export const POST = sessionRoute<{ matterId: string }>(
  async ({ request, params, actor }) => {
    const rawName = request.headers.get("x-file-name");
    let fileName: string | null = null;
    try {
      fileName = rawName == null ? null : decodeURIComponent(rawName);
    } catch {
      throw new AppError("VALIDATION", "The file name is not correctly encoded.", { fileName: ["The file name is not correctly encoded."] });
    }
    const length = request.headers.get("content-length");
    const started = await startClaimImport(actor, params.matterId, {
      fileName,
      sendMail: new URL(request.url).searchParams.get("sendMail") ?? undefined,
      body: request.body ? readChunks(request.body) : null,
      declaredSize: length == null ? null : Number(length),
    });
    return Response.json({ import: started }, { status: 202, headers: { "Cache-Control": "no-store" } });
  },
  { accepts: ["text/csv"] },
);
