import { createHash, randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-contract-${process.pid}-${Date.now()}`;
});

import { startS3Server } from "@/lib/server/testing/s3-server";
import { BlobTooLargeError, blobRoot, storageKeyFor } from "@/lib/server/storage/blob-store";
import { BlobIntegrityError, BlobMissingError, type BlobStore } from "@/lib/server/storage/blob-store-types";
import { createLocalBlobStore } from "@/lib/server/storage/local-blob-store";
import { createS3BlobStore } from "@/lib/server/storage/s3-blob-store";
import { VERIFY_AHEAD_BYTES } from "@/lib/server/storage/verify-while-reading";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function* chunked(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

// What each store is, plus the back door a damaged disk or a careless bucket admin would use.
type Harness = {
  store: BlobStore;
  overwrite(sha256: string, bytes: Buffer): Promise<void>;
  remove(sha256: string): Promise<void>;
  // Everything in the store that is not a blob under its hash (temporary uploads).
  leftovers(): Promise<string[]>;
};

const s3 = await startS3Server();
const s3Admin = new S3Client({
  endpoint: s3.config.endpoint,
  region: s3.config.region,
  forcePathStyle: true,
  credentials: { accessKeyId: s3.config.accessKeyId, secretAccessKey: s3.config.secretAccessKey },
});
afterAll(() => s3.stop());

const harnesses: [string, () => Harness][] = [
  [
    "local disk",
    () => ({
      store: createLocalBlobStore(),
      overwrite: (sha, bytes) => fsp.writeFile(path.join(blobRoot(), storageKeyFor(sha)), bytes),
      remove: (sha) => fsp.rm(path.join(blobRoot(), storageKeyFor(sha))),
      leftovers: () => fsp.readdir(path.join(blobRoot(), ".tmp")).catch(() => []),
    }),
  ],
  [
    "S3 (s3rver)",
    () => ({
      store: createS3BlobStore(s3.config),
      overwrite: async (sha, bytes) => void (await s3Admin.send(new PutObjectCommand({ Bucket: s3.config.bucket, Key: sha, Body: bytes }))),
      remove: async (sha) => void (await s3Admin.send(new DeleteObjectCommand({ Bucket: s3.config.bucket, Key: sha }))),
      leftovers: async () => {
        const page = await s3Admin.send(new ListObjectsV2Command({ Bucket: s3.config.bucket, Prefix: "tmp/" }));
        return (page.Contents ?? []).map((c) => c.Key!);
      },
    }),
  ],
];

describe.each(harnesses)("blob store contract: %s", (_name, makeHarness) => {
  let h: Harness;
  beforeAll(() => {
    h = makeHarness();
  });

  it("removes temporary uploads a crash left behind, but only old ones", async () => {
    // A staged upload that is neither committed nor discarded: what a process killed in between leaves.
    const staged = await h.store.stage([randomBytes(4096)], { maxBytes: 1 << 20 });
    expect((await h.leftovers()).length).toBeGreaterThan(0);
    expect(await h.store.cleanTemp()).toBe(0);
    expect((await h.leftovers()).length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await h.store.cleanTemp(1000)).toBeGreaterThan(0);
    expect(await h.leftovers()).toEqual([]);
    await expect(staged.commit()).rejects.toThrow();
  });

  it("puts a stream under its SHA-256 and reads the same bytes back, verified", async () => {
    // Larger than the verify-ahead window and than one multipart part, with an unaligned tail.
    const bytes = randomBytes(VERIFY_AHEAD_BYTES + 5 * 1024 * 1024 + 4097);
    const stored = await h.store.put(chunked(bytes, 65_536 + 7));
    expect(stored).toMatchObject({ sha256: sha256(bytes), size: bytes.byteLength });
    expect(await h.store.exists(stored.sha256)).toBe(true);
    expect((await readAll(await h.store.openVerified(stored.sha256))).equals(bytes)).toBe(true);
    const small = Buffer.from(`small ${Math.random()}`);
    const smallStored = await h.store.put([small]);
    expect((await readAll(await h.store.openVerified(smallStored.sha256))).equals(small)).toBe(true);
    const listed = [];
    for await (const sha of h.store.list()) listed.push(sha);
    expect(listed).toEqual(expect.arrayContaining([stored.sha256, smallStored.sha256]));
    expect(await h.leftovers()).toEqual([]);
  });

  it("stores the same bytes once", async () => {
    const bytes = randomBytes(300_000);
    const first = await h.store.put(chunked(bytes, 10_000));
    const again = await h.store.put([bytes]);
    expect(again).toEqual(first);
    const listed = [];
    for await (const sha of h.store.list()) if (sha === first.sha256) listed.push(sha);
    expect(listed).toHaveLength(1);
    expect(await h.leftovers()).toEqual([]);
  });

  it("stages with a head check and a size limit, and leaves nothing behind when refused or discarded", async () => {
    const bytes = randomBytes(6 * 1024 * 1024);
    const staged = await h.store.stage(chunked(bytes, 65_536), { maxBytes: bytes.byteLength });
    expect(staged).toMatchObject({ sha256: sha256(bytes), size: bytes.byteLength });
    expect(staged.head.equals(bytes.subarray(0, 4100))).toBe(true);
    expect(await h.store.exists(staged.sha256)).toBe(false);
    await staged.discard();
    const refuse = () => {
      throw new Error("not an accepted type");
    };
    await expect(h.store.stage(chunked(bytes, 65_536), { maxBytes: bytes.byteLength, inspectHead: refuse })).rejects.toThrow("not an accepted type");
    await expect(h.store.stage(chunked(bytes, 65_536), { maxBytes: 1024 * 1024 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await h.store.exists(staged.sha256)).toBe(false);
    expect(await h.leftovers()).toEqual([]);
  });

  it("refuses a blob with a flipped byte before sending anything, or a large one before its end", async () => {
    const small = Buffer.from(`evidence ${Math.random()}`);
    const { sha256: smallSha } = await h.store.put([small]);
    const flipped = Buffer.from(small);
    flipped[3] = flipped[3]! ^ 0x01;
    await h.overwrite(smallSha, flipped);
    const refusal = await h.store.openVerified(smallSha).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BlobIntegrityError);
    expect(refusal).toMatchObject({ expected: smallSha, actual: sha256(flipped) });

    const large = randomBytes(VERIFY_AHEAD_BYTES + 3 * 1024 * 1024);
    const { sha256: largeSha } = await h.store.put([large]);
    const damaged = Buffer.from(large);
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0x80;
    await h.overwrite(largeSha, damaged);
    const stream = await h.store.openVerified(largeSha);
    let received = 0;
    const failure = await (async () => {
      for await (const chunk of stream) received += (chunk as Buffer).byteLength;
    })().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BlobIntegrityError);
    // The recipient never holds the whole (damaged) file.
    expect(received).toBeLessThan(large.byteLength);
  });

  it("refuses a missing blob, and deletes only an old one nothing refers to", async () => {
    const bytes = Buffer.from(`gone ${Math.random()}`);
    const { sha256: sha } = await h.store.put([bytes]);
    const unreferenced = async () => false;
    expect(await h.store.deleteIfOrphaned(sha, { isReferenced: unreferenced })).toBe(false);
    expect(await h.store.deleteIfOrphaned(sha, { isReferenced: async () => true, minAgeMs: 0 })).toBe(false);
    expect(await h.store.exists(sha)).toBe(true);
    expect(await h.store.deleteIfOrphaned(sha, { isReferenced: unreferenced, minAgeMs: 0 })).toBe(true);
    expect(await h.store.exists(sha)).toBe(false);
    await expect(h.store.openVerified(sha)).rejects.toBeInstanceOf(BlobMissingError);

    const other = await h.store.put([Buffer.from(`removed ${Math.random()}`)]);
    await h.remove(other.sha256);
    await expect(h.store.openVerified(other.sha256)).rejects.toBeInstanceOf(BlobMissingError);
    await expect(h.store.openVerified("not-a-hash")).rejects.toThrow();
  });
});
