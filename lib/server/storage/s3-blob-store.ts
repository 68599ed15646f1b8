import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { BlobTooLargeError } from "@/lib/server/storage/blob-store";
import { BlobMissingError, ORPHAN_MIN_AGE_MS, TEMP_MIN_AGE_MS, assertSha256, isSha256, type BlobStore, type ByteSource, type StageOptions } from "@/lib/server/storage/blob-store-types";
import { verifyWhileReading } from "@/lib/server/storage/verify-while-reading";

export type S3Config = {
  endpoint?: string;
  bucket: string;
  region: string;
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
};

// Uploads land here first; a crash leaves only keys under this prefix, never a wrong hash name.
const TEMP_PREFIX = "tmp/";
// Multipart parts: S3's minimum is 5 MiB; two in flight keep memory per upload near 16 MiB.
const PART_BYTES = 8 << 20;
const PARTS_IN_FLIGHT = 2;

// Object storage with the SHA-256 as the object key. An upload streams to a temporary key while
// it is hashed, then a server-side copy puts it under its hash (skipped when that object exists
// already: same bytes) and the temporary key is deleted.
export function createS3BlobStore(config: S3Config): BlobStore {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // MinIO, Ceph, R2 and others lack the newest checksum trailers the SDK would otherwise send;
    // integrity is ours to check anyway (every read is re-hashed).
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = config.bucket;

  const remove = (Key: string) => client.send(new DeleteObjectCommand({ Bucket, Key })).then(() => undefined);
  const head = (Key: string) =>
    client.send(new HeadObjectCommand({ Bucket, Key })).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    });

  async function stage(source: ByteSource, options: StageOptions) {
    const headBytes = options.headBytes ?? 4100;
    const hash = createHash("sha256");
    const headParts: Buffer[] = [];
    let headLength = 0;
    let inspected = false;
    let size = 0;
    // The SDK reports a failing body as its own error; the caller needs ours (too large, refused).
    let refusal: unknown = null;

    async function* hashed(): AsyncGenerator<Buffer> {
      try {
        for await (const value of source) {
          if (value.byteLength === 0) continue;
          const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
          size += chunk.byteLength;
          if (size > options.maxBytes) throw new BlobTooLargeError(`larger than ${options.maxBytes} bytes`);
          if (!inspected) {
            const part = chunk.subarray(0, headBytes - headLength);
            headParts.push(part);
            headLength += part.byteLength;
            if (headLength >= headBytes) {
              inspected = true;
              await options.inspectHead?.(Buffer.concat(headParts));
            }
          }
          hash.update(chunk);
          yield chunk;
        }
        if (!inspected) await options.inspectHead?.(Buffer.concat(headParts));
      } catch (error) {
        refusal = error;
        throw error;
      }
    }

    const tempKey = `${TEMP_PREFIX}${randomUUID()}`;
    const upload = new Upload({ client, params: { Bucket, Key: tempKey, Body: Readable.from(hashed()) }, partSize: PART_BYTES, queueSize: PARTS_IN_FLIGHT });
    try {
      await upload.done();
    } catch (error) {
      // A multipart upload is aborted by the SDK; a single-part one may have landed.
      await remove(tempKey).catch(() => undefined);
      throw refusal ?? error;
    }
    const sha256 = hash.digest("hex");
    return {
      sha256,
      size,
      head: Buffer.concat(headParts),
      async commit() {
        if (!(await head(sha256))) await client.send(new CopyObjectCommand({ Bucket, Key: sha256, CopySource: `${Bucket}/${tempKey}` }));
        await remove(tempKey);
        return sha256;
      },
      discard: () => remove(tempKey),
    };
  }

  return {
    kind: "s3",
    stage,

    async put(source, options) {
      const staged = await stage(source, { maxBytes: Number.MAX_SAFE_INTEGER, ...options });
      const storageKey = await staged.commit();
      return { sha256: staged.sha256, size: staged.size, storageKey };
    },

    async openVerified(sha256) {
      assertSha256(sha256);
      const object = await client.send(new GetObjectCommand({ Bucket, Key: sha256 })).catch((error: unknown) => {
        throw isNotFound(error) ? new BlobMissingError(sha256) : error;
      });
      return verifyWhileReading(sha256, object.Body as Readable);
    },

    async exists(sha256) {
      assertSha256(sha256);
      return (await head(sha256)) !== null;
    },

    async *list() {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, ContinuationToken }));
        for (const object of page.Contents ?? []) if (object.Key && isSha256(object.Key)) yield object.Key;
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },

    // Temporary keys whose upload never committed (the process died between upload and copy).
    // Multipart uploads cut off mid-way are not objects yet: give the bucket a lifecycle rule
    // (AbortIncompleteMultipartUpload) for those.
    async cleanTemp(olderThanMs = TEMP_MIN_AGE_MS) {
      const cutoff = Date.now() - olderThanMs;
      let removed = 0;
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: TEMP_PREFIX, ContinuationToken }));
        for (const object of page.Contents ?? []) {
          if (!object.Key || (object.LastModified?.getTime() ?? Date.now()) > cutoff) continue;
          await remove(object.Key);
          removed++;
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return removed;
    },

    async deleteIfOrphaned(sha256, { isReferenced, minAgeMs = ORPHAN_MIN_AGE_MS }) {
      assertSha256(sha256);
      const found = await head(sha256);
      if (!found || Date.now() - (found.LastModified?.getTime() ?? Date.now()) < minAgeMs || (await isReferenced(sha256))) return false;
      await remove(sha256);
      return true;
    },
  };
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === "NotFound" || error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404);
}
