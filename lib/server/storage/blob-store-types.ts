import "server-only";
import type { Readable } from "node:stream";

// Where blobs live: the local disk or an S3-compatible bucket. Every blob is addressed by the
// SHA-256 of its bytes, so a key can be checked against what it names on every read.

export type StageOptions = {
  maxBytes: number;
  headBytes?: number;
  // Called once with the first bytes (or all of them, if fewer): throw to refuse early.
  inspectHead?: (head: Buffer) => void | Promise<void>;
};

export type StagedBlob = {
  sha256: string;
  size: number;
  // The first bytes, for magic-byte checks.
  head: Buffer;
  // Moves the staged bytes into the store under their hash; returns the storage key.
  commit(): Promise<string>;
  discard(): Promise<void>;
};

export type StoredBlob = { sha256: string; size: number; storageKey: string };

export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface BlobStore {
  readonly kind: "local" | "s3";
  // Streams `source` in while hashing it; nothing is under a hash name until commit().
  stage(source: ByteSource, options: StageOptions): Promise<StagedBlob>;
  put(source: ByteSource, options?: Partial<StageOptions>): Promise<StoredBlob>;
  // The blob's bytes, re-hashed as they are read (see verify-while-reading.ts). Rejects with
  // BlobMissingError when it is gone and BlobIntegrityError when its bytes no longer match.
  openVerified(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  // Every blob in the store, by SHA-256 (temporary uploads are not listed).
  list(): AsyncIterable<string>;
  // Deletes a blob nothing refers to. A blob is written before the row that refers to it
  // commits, so a young one is kept: it may belong to an upload still under way.
  deleteIfOrphaned(sha256: string, options: { isReferenced: (sha256: string) => Promise<boolean>; minAgeMs?: number }): Promise<boolean>;
  // Removes temporary uploads a crash left behind, only those older than `olderThanMs`: another
  // instance sharing the store may be writing a fresh one right now. Returns how many went.
  cleanTemp(olderThanMs?: number): Promise<number>;
}

export const TEMP_MIN_AGE_MS = 60 * 60 * 1000;

export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

export function assertSha256(value: string): void {
  if (!SHA256.test(value)) throw new Error(`not a SHA-256: ${value}`);
}

export class BlobMissingError extends Error {
  constructor(readonly sha256: string) {
    super(`blob ${sha256} is missing from the store`);
  }
}

export class BlobIntegrityError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`blob ${expected} no longer matches its SHA-256 (found ${actual})`);
  }
}
