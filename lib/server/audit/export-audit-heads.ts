import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { headsFileName, signHeads, type ChainHead } from "@/lib/audit/chain-heads";
import { requireAuditKey } from "@/lib/server/audit/audit-key";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";

// Writes every chain's last seal as a signed JSON file into AUDIT_HEADS_DIR (the scheduled
// "audit-heads-export" job, every ten minutes). Written to a temp name, fsynced and renamed, so
// a reader never sees half a file. Returns the file's path.
export async function unsafeExportAuditHeads(now = new Date(), dir = env.AUDIT_HEADS_DIR): Promise<string> {
  const key = requireAuditKey();
  const rows = await db.$queryRaw<{ chain: string; seq: bigint; eventId: bigint; hash: string; sealedAt: Date }[]>`
    SELECT DISTINCT ON (chain) chain, seq, "eventId", hash, "sealedAt" FROM "AuditSeal" ORDER BY chain, seq DESC`;
  const heads: ChainHead[] = rows.map((r) => ({
    chain: r.chain,
    seq: r.seq.toString(),
    eventId: r.eventId.toString(),
    hash: r.hash,
    sealedAt: r.sealedAt.toISOString(),
  }));
  const file = signHeads(key, now, heads);
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, headsFileName(now));
  const temp = `${target}.${process.pid}.tmp`;
  const handle = await fs.open(temp, "w", 0o640);
  try {
    await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, target);
  return target;
}
