import "server-only";
import { AppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import type { ClaimAttachmentFile } from "@/lib/server/claims/open-claim-attachment";
import { db } from "@/lib/server/db";
import { openForDelivery } from "@/lib/server/storage/open-verified";

// An objector's supporting PDF, for the legal team of the objection's matter: re-hashed as it is
// read, refused (and the failure audited) when the stored bytes no longer match.
export async function openObjectionDocument(actor: Actor, matterId: string, objectionId: string): Promise<ClaimAttachmentFile> {
  await requirePermission(actor, matterId, "objections.read");
  if (!isUuid(objectionId)) throw AppError.notFound("Document not found");
  const objection = await db.objection.findFirst({
    where: { id: objectionId, matterId },
    select: { id: true, number: true, documentFilename: true, document: { select: { sha256: true, size: true, mediaType: true } } },
  });
  if (!objection?.document) throw AppError.notFound("Document not found");
  const blob = objection.document;
  const stream = await openForDelivery(
    blob.sha256,
    (failure) =>
      db.$transaction((tx) =>
        appendAudit(tx, actor, { matterId, action: "objection-document.fail-integrity-check", entityId: objection.id, details: { expected: blob.sha256, actual: failure.actual, missing: failure.missing } }),
      ),
    (failure) =>
      new AppError(
        "CONFLICT",
        failure.missing ? "The stored file for this document is missing. Nothing was sent; the failure has been recorded." : "The stored file no longer matches its SHA-256. Nothing was sent; the failure has been recorded.",
      ),
  );
  await db
    .$transaction((tx) => appendAudit(tx, actor, { matterId, action: "objection-document.download", entityId: objection.id, details: { sha256: blob.sha256, verified: true } }))
    .catch((error: unknown) => {
      stream.destroy();
      throw error;
    });
  return { stream, size: Number(blob.size), mediaType: "application/pdf", fileName: objection.documentFilename ?? `${objection.number}.pdf`, sha256: blob.sha256 };
}
