import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/app-error";
import type { Tx } from "@/lib/server/db";
import { env } from "@/lib/server/env";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ALLOWED = new Set(["application/pdf", "image/jpeg", "image/png", "image/heic", "image/webp"]);

// Content-addressed like exhibits (ab/cd/<sha256>): written to a temp file, fsynced and renamed
// before the row that names it commits. The type comes from the bytes, never the file name.
export async function storeAttachmentBlob(tx: Tx, bytes: Uint8Array): Promise<{ sha256: string; mediaType: string }> {
  if (bytes.byteLength === 0) throw AppError.validation({ document: ["The file is empty"] });
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw AppError.validation({ document: ["The file is larger than 10 MB"] });
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !ALLOWED.has(type.mime)) throw AppError.validation({ document: ["Upload a PDF, JPEG, PNG, HEIC or WebP file"] });
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  const target = path.join(env.BLOB_ROOT, storageKey);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const handle = await fs.open(tmp, "w");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, target);
  await tx.blob.upsert({ where: { sha256 }, update: {}, create: { sha256, size: BigInt(bytes.byteLength), mediaType: type.mime, storageKey } });
  return { sha256, mediaType: type.mime };
}
