import "server-only";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { blobStore } from "@/lib/server/storage/active-blob-store";

const BATCH = 500;

export type ClaimUploadSweep = { drafts: number; uploads: number; blobs: number };

// The hourly job: saved forms past their expiry go (their uploads lose the draft), then uploads
// no claim took and no draft holds once expired, then each such upload's blob when nothing else
// holds it — the row first, in one statement that re-checks every reference (a foreign key
// refuses it if a new reference appeared meanwhile), then the file, only while no row names it.
// No actor: it runs as the system, and removes only what no member or staff member can reach.
export async function unsafeSweepClaimUploads(now = new Date()): Promise<ClaimUploadSweep> {
  const drafts = (await db.claimDraft.deleteMany({ where: { expiresAt: { lt: now } } })).count;
  let uploads = 0;
  let blobs = 0;
  for (;;) {
    const expired = await db.claimUpload.findMany({
      where: { claimId: null, draftId: null, expiresAt: { lt: now } },
      select: { id: true, blobSha256: true },
      take: BATCH,
    });
    if (expired.length === 0) break;
    uploads += (await db.claimUpload.deleteMany({ where: { id: { in: expired.map((u) => u.id) }, claimId: null, draftId: null } })).count;
    for (const sha256 of new Set(expired.map((u) => u.blobSha256))) {
      if (await removeBlobIfUnreferenced(sha256)) blobs++;
    }
    if (expired.length < BATCH) break;
  }
  if (drafts + uploads > 0) logger.info({ drafts, uploads, blobs }, "swept expired claim drafts and uploads");
  return { drafts, uploads, blobs };
}

async function removeBlobIfUnreferenced(sha256: string): Promise<boolean> {
  try {
    const removed = await db.$executeRaw`
      DELETE FROM "Blob" b WHERE b.sha256 = ${sha256}
        AND NOT EXISTS (SELECT 1 FROM "Exhibit" WHERE "blobSha256" = b.sha256)
        AND NOT EXISTS (SELECT 1 FROM "ClaimAttachment" WHERE "blobSha256" = b.sha256)
        AND NOT EXISTS (SELECT 1 FROM "ClaimUpload" WHERE "blobSha256" = b.sha256)`;
    if (removed === 0) return false;
  } catch (error) {
    // Another table still points at it (productions, redactions, objections): keep it.
    logger.debug({ err: error, sha256 }, "blob still referenced; kept");
    return false;
  }
  const store = await blobStore();
  await store.deleteIfOrphaned(sha256, { isReferenced: async (sha) => (await db.blob.count({ where: { sha256: sha } })) > 0, minAgeMs: 0 });
  return true;
}
