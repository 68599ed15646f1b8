import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { env } from "@/lib/server/env";

// Content-addressed store: <root>/ab/cd/<sha256>. Bytes land in <root>/.tmp first, hashed while
// they stream, fsynced, and only then renamed into place, so a crash leaves at most a temp file
// (removed at start) and never a half-written blob under a hash name.

const TEMP_DIR = ".tmp";
const WRITE_BATCH = 1 << 20;
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

export type StagedBlob = {
  sha256: string;
  size: number;
  // The first bytes, for magic-byte checks.
  head: Buffer;
  // Moves the staged file into the store under its hash; returns the storage key.
  commit(): Promise<string>;
  discard(): Promise<void>;
};

export class BlobTooLargeError extends Error {}

type StageOptions = {
  maxBytes: number;
  headBytes?: number;
  // Called once with the first bytes (or all of them, if fewer): throw to refuse early.
  inspectHead?: (head: Buffer) => void | Promise<void>;
};

// Streams `source` into a temp file while hashing it. Memory stays flat: at most two 1 MiB
// batches in flight plus the head. The disk write of one batch overlaps the hashing of the next.
export async function stageStream(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: StageOptions): Promise<StagedBlob> {
  const headBytes = options.headBytes ?? 4100;
  const tempDir = path.join(blobRoot(), TEMP_DIR);
  await fsp.mkdir(tempDir, { recursive: true });
  const tempPath = path.join(tempDir, `${randomUUID()}.part`);
  const handle = await fsp.open(tempPath, "wx", 0o600);
  const hash = createHash("sha256");
  const headParts: Buffer[] = [];
  let headLength = 0;
  let inspected = false;
  let size = 0;
  let pending: Promise<unknown> = Promise.resolve();
  // Request bodies arrive in 64 KiB chunks; writing them 1 MiB at a time saves syscalls.
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  let flushing: Promise<unknown> = Promise.resolve();
  let flushedAt = 0;
  let flushRunning = false;
  let closed = false;
  const cleanup = async () => {
    if (!closed) {
      closed = true;
      await handle.close().catch(() => undefined);
    }
    await fsp.rm(tempPath, { force: true });
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
      hash.update(chunk);
      batch.push(chunk);
      batchBytes += chunk.byteLength;
      if (batchBytes >= WRITE_BATCH) {
        await pending;
        pending = handle.writev(batch);
        batch = [];
        batchBytes = 0;
        // Flushing as we go lets the disk work while the next bytes are hashed, so the final
        // fsync has little left to do.
        // Never waits for the disk here: while a flush is still running, the next one is skipped.
        if (size - flushedAt >= SYNC_EVERY && !flushRunning) {
          flushedAt = size;
          flushRunning = true;
          flushing = pending.then(() => handle.datasync()).finally(() => (flushRunning = false));
        }
      }
    }
    await pending;
    if (batch.length) await handle.writev(batch);
    await flushing;
    const head = Buffer.concat(headParts);
    if (!inspected) await options.inspectHead?.(head);
    await handle.sync();
    await handle.close();
    closed = true;
    const sha256 = hash.digest("hex");
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
    await pending.catch(() => undefined);
    await flushing.catch(() => undefined);
    await cleanup();
    throw error;
  }
}

export async function putBuffer(bytes: Uint8Array): Promise<{ sha256: string; size: number; storageKey: string }> {
  const staged = await stageStream([bytes], { maxBytes: Number.MAX_SAFE_INTEGER });
  const storageKey = await staged.commit();
  return { sha256: staged.sha256, size: staged.size, storageKey };
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

export function openBlobStream(storageKey: string, range?: { start: number; end: number }): fs.ReadStream {
  return fs.createReadStream(absolute(storageKey), { highWaterMark: 1 << 20, ...range });
}

export function readBlob(storageKey: string): Promise<Buffer> {
  return fsp.readFile(absolute(storageKey));
}

// The stored bytes' SHA-256, or null when the file is gone.
export async function hashStoredBlob(storageKey: string): Promise<string | null> {
  const file = absolute(storageKey);
  if (!(await exists(file))) return null;
  const hash = createHash("sha256");
  await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), hash);
  return hash.digest("hex");
}

// Every blob file in the store, as storage keys (for the orphan check of the integrity sweep).
export async function* listStoredKeys(): AsyncGenerator<string> {
  const root = blobRoot();
  for (const a of await readDirSafe(root)) {
    if (!/^[0-9a-f]{2}$/.test(a)) continue;
    for (const b of await readDirSafe(path.join(root, a))) {
      for (const name of await readDirSafe(path.join(root, a, b))) yield `${a}/${b}/${name}`;
    }
  }
}

async function readDirSafe(dir: string): Promise<string[]> {
  return fsp.readdir(dir).catch(() => []);
}

// Uploads cut off by a crash or restart leave temp files; nothing refers to them.
export async function cleanTempFiles(): Promise<number> {
  const dir = path.join(blobRoot(), TEMP_DIR);
  const names = await readDirSafe(dir);
  await Promise.all(names.map((n) => fsp.rm(path.join(dir, n), { force: true })));
  return names.length;
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
