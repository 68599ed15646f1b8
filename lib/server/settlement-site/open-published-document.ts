import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/app-error";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { isUuid } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { openForDelivery } from "@/lib/server/storage/open-verified";

// Public: a court document published on a settlement website, re-hashed as it is read like every
// download. Only while it is published, not privileged and designated public; anything else —
// another matter's exhibit, an unpublished one, a designation changed since — is "not found".
export async function openPublishedDocument(slug: string, exhibitId: string, ip: string | null): Promise<{ stream: Readable; size: number; fileName: string; sha256: string }> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug) || !isUuid(exhibitId)) throw AppError.notFound("Document not found");
  const exhibit = await db.exhibit.findFirst({
    where: { id: exhibitId, matter: { slug, settlementSite: { not: Prisma.AnyNull } }, publishedOnSite: true, privilege: "NONE", confidentiality: "PUBLIC" },
    include: { blob: true },
  });
  if (!exhibit || (exhibit.detectedType ?? exhibit.blob.mediaType) !== "application/pdf") throw AppError.notFound("Document not found");
  const stream = await openForDelivery(
    exhibit.blobSha256,
    (failure) =>
      db.$transaction((tx) =>
        appendAudit(tx, { userId: null, ip: ip ?? undefined }, {
          matterId: exhibit.matterId,
          action: "exhibit.fail-integrity-check",
          entityId: exhibit.id,
          details: { expected: exhibit.blobSha256, actual: failure.actual, missing: failure.missing },
        }),
      ),
    () => new AppError("CONFLICT", "This document cannot be sent right now. Please try again later."),
  );
  const base = exhibit.originalFilename.toLowerCase().endsWith(".pdf") ? exhibit.originalFilename : `${exhibit.originalFilename}.pdf`;
  return { stream, size: Number(exhibit.blob.size), fileName: base, sha256: exhibit.blobSha256 };
}
