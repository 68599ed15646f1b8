import "server-only";
import { env } from "@/lib/server/env";
import type { BlobStore, StoredBlob } from "@/lib/server/storage/blob-store-types";
import { createLocalBlobStore } from "@/lib/server/storage/local-blob-store";

let active: Promise<BlobStore> | null = null;

// The store BLOB_STORE names; env.ts has already checked that S3 has everything it needs. The
// AWS SDK takes about a second to load, so only an instance configured for S3 loads it.
export function blobStore(): Promise<BlobStore> {
  active ??=
    env.BLOB_STORE === "s3"
      ? import("@/lib/server/storage/s3-blob-store").then(({ createS3BlobStore }) =>
          createS3BlobStore({
            endpoint: env.S3_ENDPOINT,
            bucket: env.S3_BUCKET!,
            region: env.S3_REGION,
            forcePathStyle: env.S3_FORCE_PATH_STYLE,
            accessKeyId: env.S3_ACCESS_KEY_ID!,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
          }),
        )
      : Promise.resolve(createLocalBlobStore());
  return active;
}

export async function putBuffer(bytes: Uint8Array): Promise<StoredBlob> {
  return (await blobStore()).put([bytes]);
}
