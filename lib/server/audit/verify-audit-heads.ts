import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { openHeads } from "@/lib/audit/chain-heads";
import { requireAuditKey } from "@/lib/server/audit/audit-key";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";

export type HeadResult = { chain: string; seq: string; problem: string | null };
export type HeadsReport = { file: string; exportedAt: string; heads: HeadResult[] } | { file: null };

// Compares the database with the newest exported heads file: each chain must still hold, at the
// exported sequence number, the same event with the same seal. A rewrite below an exported head
// changes that seal (or removes it) even when whoever did it held the key and resealed everything.
// Throws when the newest file itself cannot be trusted. Unscoped: for the audit:verify CLI.
export async function unsafeVerifyAgainstHeads(dir = env.AUDIT_HEADS_DIR): Promise<HeadsReport> {
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => /^heads-.*\.json$/.test(n)).sort();
  const newest = names.at(-1);
  if (!newest) return { file: null };
  const file = path.join(dir, newest);
  let heads;
  try {
    heads = openHeads(requireAuditKey(), await fs.readFile(file, "utf8"));
  } catch (error) {
    throw new Error(`the newest heads file ${file} cannot be trusted: ${(error as Error).message}`);
  }
  const seals = await db.auditSeal.findMany({
    where: { OR: heads.heads.map((h) => ({ chain: h.chain, seq: BigInt(h.seq) })) },
    select: { chain: true, seq: true, eventId: true, hash: true },
  });
  const byChain = new Map(seals.map((s) => [s.chain, s]));
  return {
    file,
    exportedAt: heads.exportedAt,
    heads: heads.heads.map((h) => {
      const seal = byChain.get(h.chain);
      let problem: string | null = null;
      if (!seal) problem = `the seal at exported head seq ${h.seq} is gone`;
      else if (seal.eventId.toString() !== h.eventId) problem = `seq ${h.seq} now seals event ${seal.eventId}, the export says ${h.eventId}`;
      else if (seal.hash !== h.hash) problem = `the seal at exported head seq ${h.seq} differs from the export: the chain was rewritten`;
      return { chain: h.chain, seq: h.seq, problem };
    }),
  };
}
