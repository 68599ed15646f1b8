import "server-only";
import { appendAudit } from "@/lib/server/audit/append-audit";
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

// Re-hashes every blob in the store (job and CLI; no actor: it runs as the system). Each
// exhibit over a damaged blob gets an integrity-failure row in its custody log.
export async function unsafeRunIntegritySweep({ trigger }: { trigger: "job" | "cli" | "test" }): Promise<IntegrityReport> {
  const startedAt = new Date();
  const store = await blobStore();
  const report: IntegrityReport = { checked: 0, missing: [], altered: [], orphaned: [], startedAt, finishedAt: startedAt };
  let after = "";
  for (;;) {
    const blobs = await db.blob.findMany({ where: { sha256: { gt: after } }, orderBy: { sha256: "asc" }, take: BATCH, select: { sha256: true } });
    if (blobs.length === 0) break;
    for (const blob of blobs) {
      report.checked += 1;
      const check = await checkStoredBlob(blob.sha256);
      if (check.ok) continue;
      if (check.missing) report.missing.push(blob.sha256);
      else report.altered.push({ sha256: blob.sha256, actual: check.actual });
    }
    after = blobs[blobs.length - 1]!.sha256;
  }

  const batch: string[] = [];
  const flush = async () => {
    const known = new Set((await db.blob.findMany({ where: { sha256: { in: batch } }, select: { sha256: true } })).map((b) => b.sha256));
    for (const sha256 of batch) if (!known.has(sha256)) report.orphaned.push(sha256);
    batch.length = 0;
  };
  for await (const sha256 of store.list()) {
    batch.push(sha256);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  report.finishedAt = new Date();

  const damaged = [...report.missing, ...report.altered.map((a) => a.sha256)];
  await db.$transaction(async (tx) => {
    const exhibits = damaged.length
      ? await tx.exhibit.findMany({ where: { blobSha256: { in: damaged } }, select: { id: true, matterId: true, blobSha256: true } })
      : [];
    for (const e of exhibits) {
      const altered = report.altered.find((a) => a.sha256 === e.blobSha256);
      await appendAudit(tx, null, {
        matterId: e.matterId,
        action: "exhibit.fail-integrity-check",
        entityId: e.id,
        details: { expected: e.blobSha256, actual: altered?.actual ?? null, missing: !altered, source: "integrity sweep" },
      });
    }
    await appendAudit(tx, null, {
      matterId: null,
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
