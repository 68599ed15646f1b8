import { AppError } from "@/lib/app-error";
import { ZClaimUploadReceipt } from "@/lib/schemas/api";
import { MAX_ATTACHMENT_BYTES } from "@/lib/schemas/claim";
import { localizeError } from "@/lib/server/i18n/localize-error";
import { uploadClaimDocument } from "@/lib/server/claims/upload-claim-document";
import { fromHeaders } from "@/lib/server/http/forwarded-headers";
import { publicRoute } from "@/lib/server/http/route";
import { claimUploadLimits } from "@/lib/server/rate-limit/limits";
import { enforce } from "@/lib/server/rate-limit/rate-limit";

// POST /api/v1/claims/:matterSlug/uploads — a supporting document for a claim not yet filed:
// the file's bytes as the body, its name in X-File-Name (percent-encoded). 201 with the token
// the claim then names in `documents`. The body is counted as it arrives and refused past 10 MB
// (a declared length over it is refused before reading).
export const POST = publicRoute<{ matterSlug: string }>(async ({ request, params }) => {
  const ctx = fromHeaders(request.headers);
  await enforce(claimUploadLimits(ctx.ip ?? "unknown"));
  if (Number(request.headers.get("content-length") ?? 0) > MAX_ATTACHMENT_BYTES) throw tooLarge();
  const bytes = await readUpTo(request, MAX_ATTACHMENT_BYTES);
  let filename: string | undefined;
  try {
    filename = decodeURIComponent(request.headers.get("x-file-name") ?? "") || undefined;
  } catch {
    throw AppError.validation({ filename: ["The file name could not be read"] });
  }
  // Refusals in the member's language (the claim form's cookie), like the form's own.
  const receipt = await uploadClaimDocument(params.matterSlug, bytes, { filename }, ctx).catch(async (error: unknown) => {
    throw await localizeError(error);
  });
  return Response.json(ZClaimUploadReceipt.parse(receipt), { status: 201, headers: { "Cache-Control": "no-store" } });
});

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", "A document is at most 10 MB.");

async function readUpTo(request: Request, limit: number): Promise<Uint8Array> {
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
