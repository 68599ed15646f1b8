import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { todayIn } from "@/lib/claims/dates";
import { ZText } from "@/lib/schemas/common";
import { parseInput } from "@/lib/schemas/parse";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { newSignInToken } from "@/lib/server/auth/sign-in-tokens";
import { db } from "@/lib/server/db";
import { getClaimForm } from "@/lib/server/claims/get-claim-form";
import { storeAttachmentBlob } from "@/lib/server/claims/store-attachment";

// An upload no claim takes is removed after a day (sweep-claim-uploads.ts), unless a saved form
// holds it; long enough to finish a form, short enough that strangers' files do not pile up.
export const CLAIM_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

const ZUploadMeta = z
  .object({
    // The browser's file name, shown back to the member and to staff; never a path on our side.
    filename: ZText({ error: "Name the file" })
      .transform((name) => name.split(/[\\/]/).pop()!.trim())
      .pipe(ZText().min(1, "Name the file").max(200, "File name must be at most 200 characters")),
  })
  .strict();

export type ClaimUploadReceipt = { uploadToken: string; filename: string; size: number; mediaType: string; expiresAt: string };

// Public: a document for a claim not yet filed. The type comes from the bytes (PDF, JPEG, PNG,
// HEIC, WebP; at most 10 MB: storeAttachmentBlob); the answer is a token the claim names, shown
// to this browser only (the row keeps its hash). Refused once the form has closed.
export async function uploadClaimDocument(matterSlug: string, bytes: Uint8Array, meta: unknown, ctx: { ip: string | null; now?: Date }): Promise<ClaimUploadReceipt> {
  const form = await getClaimForm(matterSlug);
  const { filename } = parseInput(ZUploadMeta, meta);
  if (todayIn(form.timeZone, ctx.now ?? new Date()) > form.definition.claimDeadline) {
    throw AppError.validation({ _form: [`The deadline to file was ${form.definition.claimDeadline}.`] }, "The claim deadline has passed.");
  }
  const { token, hash } = newSignInToken();
  const expiresAt = new Date((ctx.now ?? new Date()).getTime() + CLAIM_UPLOAD_TTL_MS);
  const { mediaType, size } = await db.$transaction(async (tx) => {
    const blob = await storeAttachmentBlob(tx, bytes);
    const upload = await tx.claimUpload.create({
      data: { matterId: form.matterId, tokenHash: hash, blobSha256: blob.sha256, filename, ip: ctx.ip, expiresAt },
      select: { id: true },
    });
    await appendAudit(tx, { userId: null, ip: ctx.ip ?? undefined }, {
      matterId: form.matterId,
      action: "claim.upload-document",
      entityId: upload.id,
      details: { sha256: blob.sha256, mediaType: blob.mediaType, size: bytes.byteLength },
    });
    return { mediaType: blob.mediaType, size: bytes.byteLength };
  });
  return { uploadToken: token, filename, size, mediaType, expiresAt: expiresAt.toISOString() };
}
