import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/server/env";
import type { StagedBlob } from "@/lib/server/storage/blob-store-types";
import { SharedHasher } from "@/lib/server/storage/hash-worker";

// Content-addressed store: <root>/ab/cd/<sha256>. Bytes land in <root>/.tmp first, hashed while
// they stream, fsynced, and only then renamed into place, so a crash leaves at most a temp file
// (removed at start) and never a half-written blob under a hash name.

const TEMP_DIR = ".tmp";
// Staging ring: SLOTS buffers of SLOT bytes; a full slot is written and hashed while the next fills.
const SLOT = 2 << 20;
const SLOTS = 4;
const SPARE_RINGS = 2;
// O_DIRECT wants memory, lengths and file offsets aligned to the device's block size (512 or 4096).
const ALIGN = 4096;
// Only where O_DIRECT is refused: flush the page cache as we go so the final fsync is short.
const SYNC_EVERY = 32 << 20;
const SHA256 = /^[0-9a-f]{64}$/;

export function blobRoot(): string {
  return env.BLOB_ROOT;
}

export function storageKeyFor(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

function absolute(storageKey: string): string {
  const resolved = path.resolve(blobRoot(), storageKey);
  // Keys come from our own rows, but a tampered row must not read outside the store.
  if (!resolved.startsWith(path.resolve(blobRoot()) + path.sep)) throw new Error("storage key escapes the store");
  return resolved;
}

export type { StagedBlob };

export class BlobTooLargeError extends Error {}

type StageOptions = {
  maxBytes: number;
  headBytes?: number;
  // Called once with the first bytes (or all of them, if fewer): throw to refuse early.
  inspectHead?: (head: Buffer) => void | Promise<void>;
  // false: write through the page cache, as on file systems that refuse O_DIRECT (tests cover
  // both ways with it).
  directIo?: boolean;
};

type Ring = { memory: SharedArrayBuffer; bytes: Buffer };
const spareRings: Ring[] = [];

// Shared WebAssembly memory is the one allocation Node makes page-aligned (O_DIRECT needs that)
// and it can be handed to the hash worker without copying. Rings are reused: memory stays flat.
function takeRing(): Ring {
  const spare = spareRings.pop();
  if (spare) return spare;
  const pages = (SLOT * SLOTS) / 65536;
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true }).buffer as unknown as SharedArrayBuffer;
  return { memory, bytes: Buffer.from(memory) };
}

// Kept for the next uploads, up to a bound: concurrent uploads do not grow the pool for good.
function returnRing(ring: Ring): void {
  if (spareRings.length < SPARE_RINGS) spareRings.push(ring);
}

function isEinval(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "EINVAL";
}

async function writeFully(handle: fsp.FileHandle, bytes: Buffer, position: number): Promise<void> {
  for (let done = 0; done < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

// Streams `source` into a temp file while hashing it. Memory stays flat: an 8 MiB ring of
// slots, reused across uploads, plus the head. Where the file system allows it, slots go to
// disk with O_DIRECT: no page-cache copy and no dirty pages for the final fsync to flush. On the
// 2-core VM we measured, buffered writes of 1 GiB cost more CPU (1.5-2.3 s, mostly faulting in
// fresh page-cache pages) than hashing it (0.65 s). Slots of large files are hashed on a worker
// thread (hash-worker.ts), so receiving, hashing and writing overlap.
export async function stageStream(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: StageOptions): Promise<StagedBlob> {
  const headBytes = options.headBytes ?? 4100;
  const tempDir = path.join(blobRoot(), TEMP_DIR);
  await fsp.mkdir(tempDir, { recursive: true });
  const tempPath = path.join(tempDir, `${randomUUID()}.part`);
  const handle = await fsp.open(tempPath, "wx", 0o600);
  // A second descriptor for the aligned bulk; the unaligned tail goes through `handle`. Some
  // file systems (older tmpfs, some network mounts) refuse O_DIRECT: then everything is buffered.
  const directHandle =
    options.directIo !== false && fs.constants.O_DIRECT
      ? await fsp.open(tempPath, fs.constants.O_WRONLY | fs.constants.O_DIRECT).catch(() => null)
      : null;
  let direct = directHandle;
  const ring = takeRing();
  const busy: Promise<void>[] = Array.from({ length: SLOTS }, () => Promise.resolve());
  let hasher = null as SharedHasher | null;
  const headParts: Buffer[] = [];
  let headLength = 0;
  let inspected = false;
  let size = 0;
  let slot = 0;
  let fill = 0;
  let written = 0;
  let flushedAt = 0;
  let flushing: Promise<void> | null = null;

  const write = async (bytes: Buffer, position: number) => {
    const aligned = direct ? bytes.length - (bytes.length % ALIGN) : 0;
    if (aligned > 0 && direct) {
      try {
        await writeFully(direct, bytes.subarray(0, aligned), position);
        bytes = bytes.subarray(aligned);
        position += aligned;
      } catch (error) {
        // Refused alignment (an unusual block size): buffered writes still work.
        if (!isEinval(error)) throw error;
        direct = null;
      }
    }
    if (bytes.length > 0) await writeFully(handle, bytes, position);
    if (!direct && position + bytes.length - flushedAt >= SYNC_EVERY && !flushing) {
      flushedAt = position + bytes.length;
      // Never waited for here: while a flush runs, the next one is skipped.
      flushing = handle.datasync().finally(() => (flushing = null));
      flushing.catch(() => undefined);
    }
  };

  const flushSlot = (length: number) => {
    const offset = slot * SLOT;
    const position = written;
    written += length;
    hasher ??= new SharedHasher(ring.memory);
    const done = Promise.all([hasher.update(offset, length), write(ring.bytes.subarray(offset, offset + length), position)]).then(() => undefined);
    // Awaited when the slot is needed again; until then a failure must not count as unhandled.
    done.catch(() => undefined);
    busy[slot] = done;
    slot = (slot + 1) % SLOTS;
    fill = 0;
  };

  const settle = async () => {
    await Promise.allSettled(busy);
    await flushing?.catch(() => undefined);
  };

  try {
    for await (const chunk of source) {
      if (chunk.byteLength === 0) continue;
      size += chunk.byteLength;
      if (size > options.maxBytes) throw new BlobTooLargeError(`larger than ${options.maxBytes} bytes`);
      if (!inspected) {
        const part = Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(chunk.byteLength, headBytes - headLength));
        headParts.push(part);
        headLength += part.byteLength;
        if (headLength >= headBytes) {
          inspected = true;
          await options.inspectHead?.(Buffer.concat(headParts));
        }
      }
      for (let offset = 0; offset < chunk.byteLength; ) {
        if (fill === 0) await busy[slot];
        const n = Math.min(SLOT - fill, chunk.byteLength - offset);
        ring.bytes.set(chunk.subarray(offset, offset + n), slot * SLOT + fill);
        fill += n;
        offset += n;
        if (fill === SLOT) flushSlot(SLOT);
      }
    }
    const head = Buffer.concat(headParts);
    if (!inspected) await options.inspectHead?.(head);
    let sha256: string;
    if (hasher) {
      if (fill > 0) flushSlot(fill);
      await Promise.all(busy);
      sha256 = await hasher.digest();
    } else {
      // Fits in one slot: hashing here is cheaper than a round trip to the worker.
      const bytes = ring.bytes.subarray(0, fill);
      sha256 = createHash("sha256").update(bytes).digest("hex");
      await write(bytes, 0);
    }
    await flushing;
    // fsync, not only fdatasync: the file's size and blocks must be durable before the rename.
    await handle.sync();
    await Promise.all([handle.close(), directHandle?.close()]);
    returnRing(ring);
    return {
      sha256,
      size,
      head,
      commit: async () => {
        const key = storageKeyFor(sha256);
        const target = absolute(key);
        await fsp.mkdir(path.dirname(target), { recursive: true });
        // Same bytes, same name: an existing blob is kept and the copy dropped.
        if (await exists(target)) await fsp.rm(tempPath, { force: true });
        else {
          await fsp.rename(tempPath, target);
          await fsyncDir(path.dirname(target));
        }
        return key;
      },
      discard: () => fsp.rm(tempPath, { force: true }),
    };
  } catch (error) {
    await settle();
    hasher?.drop();
    returnRing(ring);
    await Promise.all([handle.close().catch(() => undefined), directHandle?.close().catch(() => undefined)]);
    await fsp.rm(tempPath, { force: true });
    throw error;
  }
}

async function exists(p: string): Promise<boolean> {
  return fsp.access(p).then(
    () => true,
    () => false,
  );
}

async function fsyncDir(dir: string): Promise<void> {
  const h = await fsp.open(dir, "r");
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

async function readDirSafe(dir: string): Promise<string[]> {
  return fsp.readdir(dir).catch(() => []);
}

// Uploads cut off by a crash or restart leave temp files; nothing refers to them. Only old ones
// go: another instance sharing the store may be writing a fresh one right now.
export async function cleanTempFiles(olderThanMs = 60 * 60_000): Promise<number> {
  const dir = path.join(blobRoot(), TEMP_DIR);
  const cutoff = Date.now() - olderThanMs;
  const removed = await Promise.all(
    (await readDirSafe(dir)).map(async (n) => {
      const stat = await fsp.stat(path.join(dir, n)).catch(() => null);
      if (!stat || stat.mtimeMs > cutoff) return false;
      await fsp.rm(path.join(dir, n), { force: true });
      return true;
    }),
  );
  return removed.filter(Boolean).length;
}

// Reads a web stream without cancelling it when the reader stops early, so a caller that
// refuses a file after its first bytes can still drain the rest of a request body.
export async function* readChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
