import "server-only";
import { appendAudit, appendAuditMany } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { blobStore } from "@/lib/server/storage/active-blob-store";
import { checkStoredBlob } from "@/lib/server/storage/open-verified";

export type IntegrityReport = {
  checked: number;
  missing: string[];
  altered: { sha256: string; actual: string }[];
  // SHA-256s of blobs in the store no Blob row points at (e.g. a crash between rename and commit).
  orphaned: string[];
  startedAt: Date;
  finishedAt: Date;
};

const BATCH = 500;
const LISTED = 1000;
// Blobs re-hashed at once: object storage answers each read after a round trip, so one at a time
// would leave a million-blob sweep waiting on the network; the disk gains from a few in flight too.
const CONCURRENT_CHECKS = 8;
const AUDIT_CHUNK = 1000;

// Re-hashes every blob in the store (job and CLI; no actor: it runs as the system). Each
// exhibit over a damaged blob gets an integrity-failure row in its custody log. With `matterId`
// it re-hashes only that matter's exhibits (e.g. before a production) and lists no orphans,
// which only a sweep of the whole store can tell.
export async function unsafeRunIntegritySweep({
  trigger,
  matterId,
}: {
  trigger: "job" | "cli" | "test";
  matterId?: string;
}): Promise<IntegrityReport> {
  const startedAt = new Date();
  const store = await blobStore();
  const report: IntegrityReport = { checked: 0, missing: [], altered: [], orphaned: [], startedAt, finishedAt: startedAt };
  const scope = matterId ? { exhibits: { some: { matterId } } } : {};
  let after = "";
  for (;;) {
    const blobs = await db.blob.findMany({
      where: { sha256: { gt: after }, ...scope },
      orderBy: { sha256: "asc" },
      take: BATCH,
      select: { sha256: true },
    });
    if (blobs.length === 0) break;
    for (let i = 0; i < blobs.length; i += CONCURRENT_CHECKS) {
      const group = blobs.slice(i, i + CONCURRENT_CHECKS);
      const checks = await Promise.all(group.map((b) => checkStoredBlob(b.sha256)));
      checks.forEach((check, j) => {
        const sha256 = group[j]!.sha256;
        report.checked += 1;
        if (check.ok) return;
        if (check.missing) report.missing.push(sha256);
        else report.altered.push({ sha256, actual: check.actual });
      });
    }
    after = blobs[blobs.length - 1]!.sha256;
  }

  const batch: string[] = [];
  const flush = async () => {
    const known = new Set((await db.blob.findMany({ where: { sha256: { in: batch } }, select: { sha256: true } })).map((b) => b.sha256));
    for (const sha256 of batch) if (!known.has(sha256)) report.orphaned.push(sha256);
    batch.length = 0;
  };
  if (!matterId) {
    for await (const sha256 of store.list()) {
      batch.push(sha256);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
  }
  report.finishedAt = new Date();

  // Each exhibit over a damaged blob gets its custody-log row, a chunk of rows per statement and
  // transaction: a store with thousands of damaged blobs must not hold one transaction open for
  // each row in turn (it would outlive the transaction timeout and record nothing).
  const damaged = [...report.missing, ...report.altered.map((a) => a.sha256)];
  const alteredTo = new Map(report.altered.map((a) => [a.sha256, a.actual]));
  for (let i = 0; i < damaged.length; i += AUDIT_CHUNK) {
    const exhibits = await db.exhibit.findMany({
      where: { blobSha256: { in: damaged.slice(i, i + AUDIT_CHUNK) }, ...(matterId ? { matterId } : {}) },
      select: { id: true, matterId: true, blobSha256: true },
    });
    await db.$transaction((tx) =>
      appendAuditMany(
        tx,
        null,
        exhibits.map((e) => ({
          matterId: e.matterId,
          action: "exhibit.fail-integrity-check" as const,
          entityId: e.id,
          details: { expected: e.blobSha256, actual: alteredTo.get(e.blobSha256) ?? null, missing: !alteredTo.has(e.blobSha256), source: "integrity sweep" },
        })),
      ),
    );
  }
  await db.$transaction(async (tx) => {
    await appendAudit(tx, null, {
      // A scoped sweep belongs to its matter's trail; a whole-store sweep to none.
      matterId: matterId ?? null,
      action: "integrity.sweep",
      entityId: store.kind,
      details: {
        trigger,
        checked: report.checked,
        missing: report.missing.slice(0, LISTED),
        altered: report.altered.slice(0, LISTED),
        orphaned: report.orphaned.slice(0, LISTED),
        startedAt: startedAt.toISOString(),
        finishedAt: report.finishedAt.toISOString(),
      },
    });
  });
  return report;
}
