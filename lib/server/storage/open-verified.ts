import "server-only";
import type { Readable } from "node:stream";
import { blobStore } from "@/lib/server/storage/active-blob-store";
import { logger } from "@/lib/server/logger";
import { BlobIntegrityError, BlobMissingError } from "@/lib/server/storage/blob-store-types";

// Every read of stored bytes for a person or a production goes through here: the bytes are
// re-hashed as they are read and refused when they no longer match (verify-while-reading.ts).
export async function openVerified(sha256: string): Promise<Readable> {
  return (await blobStore()).openVerified(sha256);
}

export async function readVerified(sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await openVerified(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// Text extraction reads by storage key. Both stores' keys end in the blob's SHA-256, so this is
// a verified read from whichever store is configured.
export function readBlob(storageKey: string): Promise<Buffer> {
  return readVerified(storageKey.slice(-64));
}

export type BlobCheck = { ok: true } | { ok: false; missing: true; actual: null } | { ok: false; missing: false; actual: string };

// Reads a blob through to the end: what an integrity failure found, or ok.
export async function checkStoredBlob(sha256: string): Promise<BlobCheck> {
  try {
    for await (const _chunk of await openVerified(sha256));
    return { ok: true };
  } catch (error) {
    return integrityFailure(error);
  }
}

// The failure an openVerified error stands for; anything else (a network error) is rethrown.
export function integrityFailure(error: unknown): IntegrityFailure {
  if (error instanceof BlobMissingError) return { ok: false, missing: true, actual: null };
  if (error instanceof BlobIntegrityError) return { ok: false, missing: false, actual: error.actual };
  throw error;
}

export type IntegrityFailure = BlobCheck & { ok: false };

// A download's open: a damaged or missing blob is recorded and refused with `refuse`'s error
// before anything is sent; damage found only at the end of a large blob, once sending has
// begun, is recorded then (the stream errors and the recipient never gets the whole file).
export async function openForDelivery(sha256: string, record: (failure: IntegrityFailure) => Promise<unknown>, refuse: (failure: IntegrityFailure) => Error): Promise<Readable> {
  let stream: Readable;
  try {
    stream = await openVerified(sha256);
  } catch (error) {
    const failure = integrityFailure(error);
    await record(failure);
    throw refuse(failure);
  }
  stream.once("error", (error) => {
    if (!(error instanceof BlobIntegrityError)) return;
    record(integrityFailure(error)).catch((err: unknown) => logger.error({ err, sha256 }, "could not record an integrity failure"));
  });
  return stream;
}
