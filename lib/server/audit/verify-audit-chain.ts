import "server-only";
import { GENESIS_HASH, KEYED_SEAL_VERSION, sealProblem, type ChainedEvent } from "@/lib/audit/chain-hash";
import { configuredAuditKey } from "@/lib/server/audit/audit-key";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { sealAllAuditEvents } from "@/lib/server/audit/seal-audit-events";

export type ChainBreak = { seq: string; eventId: string | null; reason: string };
export type ChainReport = { chain: string; ok: boolean; checked: number; unsealed: number; firstBreak: ChainBreak | null };

type SealRow = ChainedEvent & { seq: bigint; prevHash: string; hash: string; version: number; keyId: string | null; eventId: bigint; present: boolean };

const PAGE = 5000;

// Walks a chain in sequence order and reports the first link that does not hold: a gap in the
// sequence, a prevHash that is not the previous hash, a missing event, or an event whose content
// no longer hashes to its seal (keyed seals need AUDIT_CHAIN_KEY; plain ones only before them). Unscoped: callers authorise (verifyAuditChain) or are trusted CLIs.
export async function unsafeVerifyChain(chain: string): Promise<ChainReport> {
  await sealAllAuditEvents();
  const key = configuredAuditKey();
  let keyedSeen = false;
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db.$queryRaw<SealRow[]>`
      SELECT s.seq, s."prevHash", s.hash, s.version, s."keyId", s."eventId", (e.id IS NOT NULL) AS present,
             e.id, e.at, e."actorId", e."matterId", e.action, e."entityType", e."entityId", e.details, e.ip, e."viaTokenId"
      FROM "AuditSeal" s LEFT JOIN "AuditEvent" e ON e.id = s."eventId"
      WHERE s.chain = ${chain} AND s.seq >= ${expectedSeq}
      ORDER BY s.seq LIMIT ${PAGE}`;
    for (const row of rows) {
      const broken = (reason: string): ChainReport => ({
        chain,
        ok: false,
        checked,
        unsealed: 0,
        firstBreak: { seq: row.seq.toString(), eventId: row.eventId.toString(), reason },
      });
      if (row.seq !== expectedSeq) return broken(`sequence jumps from ${expectedSeq - 1n} to ${row.seq}: a seal is missing`);
      if (row.prevHash !== prevHash) return broken("prevHash does not match the previous seal's hash");
      if (!row.present) return broken("the sealed event is missing");
      const problem = sealProblem(row, row, key, keyedSeen);
      if (problem) return broken(problem);
      keyedSeen ||= row.version === KEYED_SEAL_VERSION;
      prevHash = row.hash;
      expectedSeq += 1n;
      checked += 1;
    }
    if (rows.length < PAGE) break;
  }
  const unsealed = await countUnsealed(chain);
  return { chain, ok: unsealed === 0, checked, unsealed, firstBreak: null };
}

async function countUnsealed(chain: string): Promise<number> {
  const matterFilter = chain === "global" ? null : chain;
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "AuditEvent" e
    WHERE e."matterId" IS NOT DISTINCT FROM ${matterFilter}::uuid
      AND NOT EXISTS (SELECT 1 FROM "AuditSeal" s WHERE s."eventId" = e.id)`;
  return Number(row?.n ?? 0);
}

// Any member of the matter may check that its history is intact.
export async function verifyAuditChain(actor: Actor, matterId: string): Promise<ChainReport> {
  await requirePermission(actor, matterId, "matter.read");
  return unsafeVerifyChain(matterId);
}
