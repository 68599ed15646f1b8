import "server-only";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/app-error";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";
import { openForDelivery } from "@/lib/server/storage/open-verified";

// Only these render inline; everything else (HTML, e-mail, archives) is sent as an attachment
// so an exhibit can never run script in the app's origin.
const INLINE_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain", "text/csv"]);

export type ExhibitFile = {
  stream: Readable;
  size: number;
  mediaType: string;
  fileName: string;
  sha256: string;
  inline: boolean;
};

// Every view and download re-hashes the stored bytes as they are read and refuses a file that
// no longer matches its SHA-256: what leaves the store is provably what was collected. A small
// file is checked whole before anything is sent; a large one is cut off before its last bytes
// (see verify-while-reading.ts). Either way the failure goes to the custody log.
export async function openExhibitFile(actor: Actor, matterId: string, exhibitId: string, mode: "view" | "download"): Promise<ExhibitFile> {
  await requirePermission(actor, matterId, "matter.read");
  const exhibit = await findExhibitInMatter(matterId, exhibitId);
  const { blob } = exhibit;
  const stream = await openForDelivery(
    blob.sha256,
    (failure) =>
      db.$transaction((tx) =>
        appendAudit(tx, actor, {
          matterId,
          action: "exhibit.fail-integrity-check",
          entityId: exhibit.id,
          details: { expected: blob.sha256, actual: failure.actual, missing: failure.missing },
        }),
      ),
    (failure) =>
      new AppError(
        "CONFLICT",
        failure.missing
          ? "The stored file for this exhibit is missing. Nothing was sent; the failure is in the custody log."
          : "The stored file no longer matches this exhibit's SHA-256. Nothing was sent; the failure is in the custody log.",
      ),
  );
  const mediaType = exhibit.detectedType ?? blob.mediaType;
  const inline = mode === "view" && INLINE_TYPES.has(mediaType);
  await db
    .$transaction((tx) =>
      appendAudit(tx, actor, {
        matterId,
        action: inline ? "exhibit.view" : "exhibit.download",
        entityId: exhibit.id,
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
    mediaType: mediaType === "application/har+json" ? "application/json" : mediaType,
    fileName: exhibit.originalFilename,
    sha256: blob.sha256,
    inline,
  };
}
