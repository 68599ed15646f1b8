import "server-only";
import { AppError } from "@/lib/app-error";
import { hashToken } from "@/lib/server/auth/sign-in-tokens";
import { db } from "@/lib/server/db";

export type ClaimDocument = { uploadId: string; blobSha256: string; filename: string };

const GONE = "A document you attached has expired or was already filed: remove it and attach it again";

// The uploads a claim form names: by token (uploaded from this page), or by id when the form was
// resumed from a saved draft that holds them. Each must be this matter's, not yet taken by a
// claim, and unexpired (a draft's uploads live as long as the draft). One that is not refuses the
// filing on the documents field, so the member can attach it again; nothing is half-filed.
export async function resolveClaimDocuments(
  matterId: string,
  { tokens = [], draftId = null, draftUploadIds = [] }: { tokens?: string[]; draftId?: string | null; draftUploadIds?: string[] },
  now = new Date(),
): Promise<ClaimDocument[]> {
  if (tokens.length === 0 && draftUploadIds.length === 0) return [];
  const uploads = await db.claimUpload.findMany({
    where: {
      matterId,
      claimId: null,
      expiresAt: { gt: now },
      OR: [
        ...(tokens.length ? [{ tokenHash: { in: tokens.map(hashToken) } }] : []),
        ...(draftId && draftUploadIds.length ? [{ id: { in: draftUploadIds }, draftId }] : []),
      ],
    },
    select: { id: true, blobSha256: true, filename: true },
    orderBy: { createdAt: "asc" },
  });
  if (uploads.length !== new Set([...tokens, ...draftUploadIds]).size) throw AppError.validation({ documents: [GONE] });
  return uploads.map((u) => ({ uploadId: u.id, blobSha256: u.blobSha256, filename: u.filename }));
}
