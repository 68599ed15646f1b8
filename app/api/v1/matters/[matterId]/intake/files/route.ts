import { AppError } from "@/lib/app-error";
import { stageIntakeFile } from "@/lib/server/intake/stage-intake-file";
import { sessionRoute } from "@/lib/server/http/route";
import { readChunks } from "@/lib/server/storage/blob-store";

// POST ?role=archive|load-file: a bulk intake's ZIP or CSV load file as the raw request body,
// its name URL-encoded in X-File-Name (as exhibit uploads send theirs). Answers its SHA-256,
// which starts the batch (the intake page's start action).
export const POST = sessionRoute<{ matterId: string }>(
  async ({ request, params, actor }) => {
    const role = new URL(request.url).searchParams.get("role");
    const rawName = request.headers.get("x-file-name");
    let fileName: string | null = null;
    try {
      fileName = rawName == null ? null : decodeURIComponent(rawName);
    } catch {
      throw new AppError("VALIDATION", "The file name is not correctly encoded.", { fileName: ["The file name is not correctly encoded."] });
    }
    const length = request.headers.get("content-length");
    const staged = await stageIntakeFile(actor, params.matterId, {
      role,
      fileName,
      body: request.body ? readChunks(request.body) : null,
      declaredSize: length == null ? null : Number(length),
    });
    return Response.json({ file: staged }, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
  { accepts: ["application/octet-stream"] },
);
