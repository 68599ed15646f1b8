import { createHash, randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-blobs-${process.pid}-${Date.now()}`;
});

import { BlobTooLargeError, blobRoot, stageStream, storageKeyFor } from "@/lib/server/storage/blob-store";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function* chunked(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
}

async function tempFiles(): Promise<string[]> {
  return fsp.readdir(path.join(blobRoot(), ".tmp")).catch(() => []);
}

// Both ways to disk: O_DIRECT (where the file system allows it) and through the page cache.
describe.each([true, false])("blob store: staging (directIo %s)", (directIo) => {
  it("stores what it hashes across slot boundaries, a reused ring and an unaligned tail", async () => {
    // 21 MiB + 4097 bytes: more than the whole ring, in chunks that straddle every slot edge.
    for (const bytes of [randomBytes(21 * 1024 * 1024 + 4097), randomBytes(8 * 1024 * 1024), randomBytes(5)]) {
      const staged = await stageStream(chunked(bytes, 65_536 + 7), { maxBytes: bytes.byteLength, directIo });
      expect(staged.sha256).toBe(sha256(bytes));
      expect(staged.size).toBe(bytes.byteLength);
      expect(staged.head.equals(bytes.subarray(0, 4100))).toBe(true);
      const key = await staged.commit();
      expect(key).toBe(storageKeyFor(sha256(bytes)));
      expect((await fsp.readFile(path.join(blobRoot(), key))).equals(bytes)).toBe(true);
    }
  });

  it("keeps concurrent uploads apart", async () => {
    const files = [randomBytes(9 * 1024 * 1024 + 1), randomBytes(13 * 1024 * 1024 + 333)];
    const staged = await Promise.all(files.map((bytes) => stageStream(chunked(bytes, 100_000), { maxBytes: 1 << 30, directIo })));
    expect(staged.map((s) => s.sha256)).toEqual(files.map(sha256));
    await Promise.all(staged.map((s) => s.discard()));
  });

  it("leaves no temp file when the head is refused or the limit is passed mid-stream", async () => {
    const bytes = randomBytes(12 * 1024 * 1024);
    await expect(
      stageStream(chunked(bytes, 65_536), {
        maxBytes: bytes.byteLength,
        directIo,
        inspectHead: () => {
          throw new Error("refused");
        },
      }),
    ).rejects.toThrow("refused");
    await expect(stageStream(chunked(bytes, 65_536), { maxBytes: 10 * 1024 * 1024, directIo })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await tempFiles()).toEqual([]);
    // The ring and the hash worker are still usable afterwards.
    const staged = await stageStream(chunked(bytes, 65_536), { maxBytes: bytes.byteLength, directIo });
    expect(staged.sha256).toBe(sha256(bytes));
    await staged.discard();
  });
});
