import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { auditKey, chainHash, GENESIS_HASH, keyedChainHash, type ChainedEvent } from "@/lib/audit/chain-hash";
import { db } from "@/lib/server/db";
import { sealAllAuditEvents } from "@/lib/server/audit/seal-audit-events";
import { unsafeVerifyChain } from "@/lib/server/audit/verify-audit-chain";
import { unsafeExportAuditHeads } from "@/lib/server/audit/export-audit-heads";
import { unsafeVerifyAgainstHeads } from "@/lib/server/audit/verify-audit-heads";
import { createPlaintiff } from "@/lib/server/plaintiffs/create-plaintiff";
import { makeMatterWithTeam, validPlaintiffInput } from "@/lib/server/testing/fixtures";

const KEY = auditKey(process.env.AUDIT_CHAIN_KEY!);

async function matterWithEvents(n: number) {
  const team = await makeMatterWithTeam();
  for (let i = 0; i < n; i++) await createPlaintiff(team.attorney, team.matter.id, validPlaintiffInput({ name: `Plaintiff ${i}` }));
  await sealAllAuditEvents();
  return team;
}

// What someone with the owner's rights can do: switch the triggers off, edit an event and rewrite
// every seal from it on with a hash of their choice.
async function rewriteAsOwner(chain: string, fromSeq: bigint, edit: { sql: string; params: unknown[] } | null, reseal: (prev: string, e: ChainedEvent) => { hash: string; version: number; keyId: string | null }) {
  const client = new pg.Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica");
    if (edit) await client.query(edit.sql, edit.params);
    const { rows } = await client.query<{ seq: string; prevHash: string; eventId: string }>(
      `SELECT seq, "prevHash", "eventId" FROM "AuditSeal" WHERE chain = $1 AND seq >= $2 ORDER BY seq`,
      [chain, fromSeq.toString()],
    );
    let prev = rows[0]?.prevHash ?? GENESIS_HASH;
    for (const row of rows) {
      const { rows: events } = await client.query<ChainedEvent>(
        `SELECT id, at, "actorId", "matterId", action, "entityType", "entityId", details, ip FROM "AuditEvent" WHERE id = $1`,
        [row.eventId],
      );
      const event = { ...events[0]!, id: BigInt(events[0]!.id) };
      const seal = reseal(prev, event);
      await client.query(`UPDATE "AuditSeal" SET "prevHash" = $1, hash = $2, version = $3, "keyId" = $4 WHERE "eventId" = $5`, [prev, seal.hash, seal.version, seal.keyId, row.eventId]);
      prev = seal.hash;
    }
  } finally {
    await client.end();
  }
}

const editSeq = async (chain: string, seq: bigint) => {
  const seal = await db.auditSeal.findFirstOrThrow({ where: { chain, seq } });
  return { sql: `UPDATE "AuditEvent" SET details = '{"after":{"name":"Someone else"}}' WHERE id = $1`, params: [seal.eventId.toString()] };
};

describe("keyed audit chain", () => {
  it("seals new events with HMAC-SHA-256 under the configured key, naming the key and version 2", async () => {
    const team = await matterWithEvents(3);
    const seals = await db.auditSeal.findMany({ where: { chain: team.matter.id }, orderBy: { seq: "asc" } });
    expect(seals.map((s) => [s.version, s.keyId])).toEqual([
      [2, KEY.id],
      [2, KEY.id],
      [2, KEY.id],
    ]);
    expect((await unsafeVerifyChain(team.matter.id)).ok).toBe(true);
  });

  it("catches an edit resealed without the key, as plain SHA-256 or under another key", async () => {
    const team = await matterWithEvents(6);
    await rewriteAsOwner(team.matter.id, 3n, await editSeq(team.matter.id, 3n), (prev, e) => ({ hash: chainHash(prev, e), version: 1, keyId: null }));
    const plain = await unsafeVerifyChain(team.matter.id);
    expect(plain).toMatchObject({ ok: false, checked: 2, firstBreak: { seq: "3" } });
    expect(plain.firstBreak?.reason).toMatch(/plain \(version 1\) seal follows keyed seals/);

    const guess = auditKey("an attacker's guess at the key, long enough");
    const team2 = await matterWithEvents(4);
    await rewriteAsOwner(team2.matter.id, 1n, await editSeq(team2.matter.id, 2n), (prev, e) => ({ hash: keyedChainHash(guess, prev, e), version: 2, keyId: KEY.id }));
    const forged = await unsafeVerifyChain(team2.matter.id);
    expect(forged).toMatchObject({ ok: false, checked: 0, firstBreak: { seq: "1" } });
    expect(forged.firstBreak?.reason).toMatch(/resealed without the key/);
  });

  it("still verifies chains sealed with plain SHA-256 before the key (version 1)", async () => {
    const team = await matterWithEvents(4);
    await rewriteAsOwner(team.matter.id, 1n, null, (prev, e) => ({ hash: chainHash(prev, e), version: 1, keyId: null }));
    expect(await unsafeVerifyChain(team.matter.id)).toMatchObject({ ok: true, checked: 4 });
    // New events continue the legacy chain with keyed seals.
    await createPlaintiff(team.attorney, team.matter.id, validPlaintiffInput({ name: "After the key" }));
    expect(await unsafeVerifyChain(team.matter.id)).toMatchObject({ ok: true, checked: 5 });
    const last = await db.auditSeal.findFirstOrThrow({ where: { chain: team.matter.id, seq: 5n } });
    expect(last.version).toBe(2);
  });
});

describe("exported chain heads", () => {
  const headsDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "proofline-heads-"));

  it("catch a rewrite resealed with the key below an exported head", async () => {
    const team = await matterWithEvents(5);
    const dir = headsDir();
    const file = await unsafeExportAuditHeads(new Date(), dir);
    const exported = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(exported.heads).toContainEqual(expect.objectContaining({ chain: team.matter.id, seq: "5" }));
    const before = await unsafeVerifyAgainstHeads(dir);
    expect(before.file && before.heads.every((h) => h.problem === null)).toBe(true);

    await rewriteAsOwner(team.matter.id, 2n, await editSeq(team.matter.id, 2n), (prev, e) => ({ hash: keyedChainHash(KEY, prev, e), version: 2, keyId: KEY.id }));
    expect((await unsafeVerifyChain(team.matter.id)).ok).toBe(true);
    const after = await unsafeVerifyAgainstHeads(dir);
    expect(after.file && after.heads.find((h) => h.chain === team.matter.id)?.problem).toMatch(/seq 5 differs from the export: the chain was rewritten/);
  });

  it("use the newest file and refuse one whose signature does not match", async () => {
    const team = await matterWithEvents(2);
    const dir = headsDir();
    await unsafeExportAuditHeads(new Date("2026-01-01T00:00:00Z"), dir);
    const newest = await unsafeExportAuditHeads(new Date("2026-01-01T00:10:00Z"), dir);
    const report = await unsafeVerifyAgainstHeads(dir);
    expect(report.file).toBe(newest);

    const forged = JSON.parse(fs.readFileSync(newest, "utf8"));
    forged.heads = forged.heads.filter((h: { chain: string }) => h.chain !== team.matter.id);
    fs.writeFileSync(newest, JSON.stringify(forged));
    await expect(unsafeVerifyAgainstHeads(dir)).rejects.toThrow(/cannot be trusted: its signature does not match/);
  });

  it("report an exported head whose seal is gone", async () => {
    const team = await matterWithEvents(3);
    const dir = headsDir();
    await unsafeExportAuditHeads(new Date(), dir);
    const client = new pg.Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
    await client.connect();
    await client.query("SET session_replication_role = replica");
    await client.query(`DELETE FROM "AuditSeal" WHERE chain = $1 AND seq = 3`, [team.matter.id]);
    await client.end();
    const report = await unsafeVerifyAgainstHeads(dir);
    expect(report.file && report.heads.find((h) => h.chain === team.matter.id)?.problem).toMatch(/gone/);
  });
});
