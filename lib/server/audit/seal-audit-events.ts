import "server-only";
import { chainOf, GENESIS_HASH, KEYED_SEAL_VERSION, keyedChainHash, type ChainedEvent } from "@/lib/audit/chain-hash";
import { requireAuditKey } from "@/lib/server/audit/audit-key";
import { db } from "@/lib/server/db";

// One sealer at a time across every web instance and worker.
const SEAL_LOCK_KEY = 7_410_233_001n;
// Transactions commit out of id order; any event that commits later than this many newer ids
// is still found by the full sweep (fullSweep: true) that verification and the loop run.
const RECENT_WINDOW = 50_000n;

type Head = { seq: bigint; hash: string };

// Chains audit events that writers appended without any shared lock: each unsealed event gets
// the next sequence number of its chain and hash = HMAC-SHA-256(key, prev ‖ canonical event). Returns how
// many events it sealed (0 when another sealer holds the lock).
export async function sealAuditEvents(options: { batchSize?: number; fullSweep?: boolean } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 5000;
  const key = requireAuditKey();
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK_KEY}) AS locked`;
      if (!lock?.locked) return 0;

      const floor = options.fullSweep
        ? 0n
        : ((await tx.$queryRaw<{ max: bigint | null }[]>`SELECT max("eventId") AS max FROM "AuditSeal"`)[0]?.max ?? 0n) -
          RECENT_WINDOW;

      const events = await tx.$queryRaw<ChainedEvent[]>`
        SELECT e.id, e.at, e."actorId", e."matterId", e.action, e."entityType", e."entityId", e.details, e.ip, e."viaTokenId"
        FROM "AuditEvent" e
        WHERE e.id > ${floor} AND NOT EXISTS (SELECT 1 FROM "AuditSeal" s WHERE s."eventId" = e.id)
        ORDER BY e.id
        LIMIT ${batchSize}`;
      if (events.length === 0) return 0;

      const chains = [...new Set(events.map((e) => chainOf(e.matterId)))];
      const headRows = await tx.$queryRaw<{ chain: string; seq: bigint; hash: string }[]>`
        SELECT DISTINCT ON (chain) chain, seq, hash FROM "AuditSeal"
        WHERE chain = ANY(${chains}) ORDER BY chain, seq DESC`;
      const heads = new Map<string, Head>(headRows.map((h) => [h.chain, { seq: h.seq, hash: h.hash }]));

      const seals = events.map((event) => {
        const chain = chainOf(event.matterId);
        const head = heads.get(chain) ?? { seq: 0n, hash: GENESIS_HASH };
        const next = { seq: head.seq + 1n, hash: keyedChainHash(key, head.hash, event) };
        heads.set(chain, next);
        return { eventId: event.id, chain, seq: next.seq, prevHash: head.hash, hash: next.hash, version: KEYED_SEAL_VERSION, keyId: key.id };
      });
      await tx.auditSeal.createMany({ data: seals });
      return seals.length;
    },
    { timeout: 60_000 },
  );
}

// Seals until nothing is left (verification and tests want a settled chain).
export async function sealAllAuditEvents(): Promise<number> {
  let total = 0;
  for (let full = true; ; full = false) {
    const sealed = await sealAuditEvents({ fullSweep: full });
    total += sealed;
    if (sealed === 0 && !full) return total;
  }
}
