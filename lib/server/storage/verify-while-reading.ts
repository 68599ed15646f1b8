import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { BlobIntegrityError } from "@/lib/server/storage/blob-store-types";

// Read before answering: a blob up to this size is hashed whole before its first byte is handed
// out, so a damaged file is refused with a clear error while nothing has been sent yet.
export const VERIFY_AHEAD_BYTES = 8 << 20;

// One pass over the stored bytes, hashed as they go: no second read, and no window between a
// check and the read that follows it. A blob larger than VERIFY_AHEAD_BYTES streams on, but its
// last chunk is held back until the digest matches: a damaged file never arrives whole, the
// stream errors with BlobIntegrityError instead.
export async function verifyWhileReading(sha256: string, source: AsyncIterable<Uint8Array>): Promise<Readable> {
  const hash = createHash("sha256");
  const iterator = source[Symbol.asyncIterator]();
  const ahead: Buffer[] = [];
  let aheadBytes = 0;
  try {
    while (aheadBytes < VERIFY_AHEAD_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        const actual = hash.digest("hex");
        if (actual !== sha256) throw new BlobIntegrityError(sha256, actual);
        return Readable.from(ahead, { objectMode: false });
      }
      const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      hash.update(chunk);
      ahead.push(chunk);
      aheadBytes += chunk.byteLength;
    }
  } catch (error) {
    await iterator.return?.();
    throw error;
  }

  async function* rest(): AsyncGenerator<Buffer> {
    // Ending early (the client went away) returns the source iterator, which closes the file.
    try {
      let held = ahead.pop()!;
      yield* ahead.splice(0);
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
        hash.update(chunk);
        yield held;
        held = chunk;
      }
      const actual = hash.digest("hex");
      if (actual !== sha256) throw new BlobIntegrityError(sha256, actual);
      yield held;
    } finally {
      await iterator.return?.();
    }
  }
  return Readable.from(rest(), { objectMode: false, highWaterMark: 1 << 20 });
}
