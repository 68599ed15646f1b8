import "server-only";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/app-error";
import { normalizeClaimNumber } from "@/lib/claims/claim-number";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { openForDelivery } from "@/lib/server/storage/open-verified";

// Uploads are untrusted: only the types store-attachment.ts accepts keep their own name, and
// even those are always sent as an attachment (see claim-attachment-response.ts).
const NAMED_TYPES = new Set(["application/pdf", "image/jpeg", "image/png", "image/heic", "image/webp"]);

export type ClaimAttachmentFile = {
  stream: Readable;
  size: number;
  mediaType: string;
  fileName: string;
  sha256: string;
};

const SELECT = {
  id: true,
  filename: true,
  claim: { select: { matterId: true } },
  blob: { select: { sha256: true, size: true, mediaType: true, storageKey: true } },
} satisfies Prisma.ClaimAttachmentSelect;

type Found = Prisma.ClaimAttachmentGetPayload<{ select: typeof SELECT }>;

// Staff door: an attorney or paralegal of the claim's matter. The attachment must belong to
// this claim and the claim to this matter; anything else is indistinguishable from nothing.
export async function openClaimAttachment(actor: Actor, matterId: string, claimId: string, attachmentId: string): Promise<ClaimAttachmentFile> {
  await requirePermission(actor, matterId, "matter.read");
  if (!isUuid(claimId) || !isUuid(attachmentId)) throw AppError.notFound("Document not found");
  const attachment = await db.claimAttachment.findFirst({ where: { id: attachmentId, claimId, claim: { matterId } }, select: SELECT });
  if (!attachment) throw AppError.notFound("Document not found");
  return deliver(actor, attachment);
}

// Member door: the class member whose claim it is, found by the claim number they know.
export async function openMyClaimAttachment(actor: Actor, rawNumber: string, attachmentId: string): Promise<ClaimAttachmentFile> {
  const number = normalizeClaimNumber(rawNumber);
  if (actor.role !== "CLASS_MEMBER" || !number || !isUuid(attachmentId)) throw AppError.notFound("Document not found");
  const attachment = await db.claimAttachment.findFirst({
    where: { id: attachmentId, claim: { number, claimant: { userId: actor.userId } } },
    select: SELECT,
  });
  if (!attachment) throw AppError.notFound("Document not found");
  return deliver(actor, attachment);
}

// Re-hashes the stored bytes as they are read and refuses a file that no longer matches its
// SHA-256, as exhibits do: what leaves the store is what the member uploaded.
async function deliver(actor: Actor, attachment: Found): Promise<ClaimAttachmentFile> {
  const { blob } = attachment;
  const matterId = attachment.claim.matterId;
  const stream = await openForDelivery(
    blob.sha256,
    (failure) =>
      db.$transaction((tx) =>
        appendAudit(tx, actor, {
          matterId,
          action: "claim-attachment.fail-integrity-check",
          entityId: attachment.id,
          details: { expected: blob.sha256, actual: failure.actual, missing: failure.missing },
        }),
      ),
    (failure) =>
      new AppError(
        "CONFLICT",
        failure.missing
          ? "The stored file for this document is missing. Nothing was sent; the failure has been recorded."
          : "The stored file no longer matches this document's SHA-256. Nothing was sent; the failure has been recorded.",
      ),
  );
  await db
    .$transaction((tx) =>
      appendAudit(tx, actor, {
        matterId,
        action: "claim-attachment.download",
        entityId: attachment.id,
        details: { sha256: blob.sha256, verified: true },
      }),
    )
    .catch((error: unknown) => {
      stream.destroy();
      throw error;
    });
  return {
    stream,
    size: Number(blob.size),
    mediaType: NAMED_TYPES.has(blob.mediaType) ? blob.mediaType : "application/octet-stream",
    fileName: attachment.filename,
    sha256: blob.sha256,
  };
}
