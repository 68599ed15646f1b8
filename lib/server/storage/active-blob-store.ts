import "server-only";
import { env } from "@/lib/server/env";
import type { BlobStore, StoredBlob } from "@/lib/server/storage/blob-store-types";
import { createLocalBlobStore } from "@/lib/server/storage/local-blob-store";
import { createS3BlobStore } from "@/lib/server/storage/s3-blob-store";

let active: BlobStore | null = null;

// The store BLOB_STORE names; env.ts has already checked that S3 has everything it needs.
export function blobStore(): BlobStore {
  active ??=
    env.BLOB_STORE === "s3"
      ? createS3BlobStore({
          endpoint: env.S3_ENDPOINT,
          bucket: env.S3_BUCKET!,
          region: env.S3_REGION,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
          accessKeyId: env.S3_ACCESS_KEY_ID!,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
        })
      : createLocalBlobStore();
  return active;
}

export function putBuffer(bytes: Uint8Array): Promise<StoredBlob> {
  return blobStore().put([bytes]);
}
