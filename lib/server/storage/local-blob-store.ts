import "server-only";
import fsp from "node:fs/promises";
import path from "node:path";
import { blobRoot, cleanTempFiles, stageStream, storageKeyFor } from "@/lib/server/storage/blob-store";
import { BlobMissingError, ORPHAN_MIN_AGE_MS, TEMP_MIN_AGE_MS, isSha256, type BlobStore } from "@/lib/server/storage/blob-store-types";
import { verifyWhileReading } from "@/lib/server/storage/verify-while-reading";

// Today's store on the local disk (<root>/ab/cd/<sha256>); writes go through blob-store.ts's
// staging ring unchanged, since its speed was measured and tuned there.
export function createLocalBlobStore(): BlobStore {
  const fileOf = (sha256: string) => path.join(blobRoot(), storageKeyFor(sha256));

  return {
    kind: "local",
    stage: (source, options) => stageStream(source, options),
    cleanTemp: (olderThanMs = TEMP_MIN_AGE_MS) => cleanTempFiles(olderThanMs),

    async put(source, options) {
      const staged = await stageStream(source, { maxBytes: Number.MAX_SAFE_INTEGER, ...options });
      const storageKey = await staged.commit();
      return { sha256: staged.sha256, size: staged.size, storageKey };
    },

    async openVerified(sha256) {
      // One open: the bytes hashed are the bytes sent, even if the file is replaced meanwhile.
      const handle = await fsp.open(fileOf(sha256), "r").catch((error: NodeJS.ErrnoException) => {
        throw error.code === "ENOENT" ? new BlobMissingError(sha256) : error;
      });
      return verifyWhileReading(sha256, handle.createReadStream({ highWaterMark: 1 << 20 }));
    },

    exists: (sha256) =>
      fsp.access(fileOf(sha256)).then(
        () => true,
        () => false,
      ),

    async *list() {
      const root = blobRoot();
      for (const a of await readDirSafe(root)) {
        if (!/^[0-9a-f]{2}$/.test(a)) continue;
        for (const b of await readDirSafe(path.join(root, a))) {
          for (const name of await readDirSafe(path.join(root, a, b))) if (isSha256(name)) yield name;
        }
      }
    },

    async deleteIfOrphaned(sha256, { isReferenced, minAgeMs = ORPHAN_MIN_AGE_MS }) {
      const file = fileOf(sha256);
      const stat = await fsp.stat(file).catch(() => null);
      if (!stat || Date.now() - stat.mtimeMs < minAgeMs || (await isReferenced(sha256))) return false;
      await fsp.rm(file, { force: true });
      return true;
    },
  };
}

async function readDirSafe(dir: string): Promise<string[]> {
  return fsp.readdir(dir).catch(() => []);
}
