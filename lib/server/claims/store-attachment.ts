import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/app-error";
import { MAX_ATTACHMENT_BYTES } from "@/lib/schemas/claim";
import type { Tx } from "@/lib/server/db";
import { putBuffer } from "@/lib/server/storage/active-blob-store";

const ALLOWED = new Set(["application/pdf", "image/jpeg", "image/png", "image/heic", "image/webp"]);

// Stored like exhibits (content-addressed, see lib/server/storage/blob-store.ts). The type comes
// from the bytes, never the file name.
export async function storeAttachmentBlob(tx: Tx, bytes: Uint8Array): Promise<{ sha256: string; mediaType: string }> {
  if (bytes.byteLength === 0) throw AppError.validation({ document: ["The file is empty"] });
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw AppError.validation({ document: ["The file is larger than 10 MB"] });
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !ALLOWED.has(type.mime)) throw AppError.validation({ document: ["Upload a PDF, JPEG, PNG, HEIC or WebP file"] });
  // The shared content-addressed store: temp file, fsync, rename before the row commits.
  const { sha256, storageKey } = await putBuffer(bytes);
  await tx.blob.upsert({ where: { sha256 }, update: {}, create: { sha256, size: BigInt(bytes.byteLength), mediaType: type.mime, storageKey } });
  return { sha256, mediaType: type.mime };
}
