import { describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/server/db";
import { createPlaintiff } from "@/lib/server/plaintiffs/create-plaintiff";
import { sealAllAuditEvents } from "@/lib/server/audit/seal-audit-events";
import { unsafeVerifyChain, verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { makeMatterWithTeam, validPlaintiffInput } from "@/lib/server/testing/fixtures";

// Simulates an attacker with the owner's (here superuser) rights: replica mode switches off the
// append-only triggers. The app's own role cannot do this (see below).
async function asSuperuserBypassingTriggers(sql: string, params: unknown[]) {
  const client = new pg.Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica");
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

async function fiftyConcurrentMutations() {
  const team = await makeMatterWithTeam();
  await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      createPlaintiff(i % 2 ? team.attorney : team.paralegal, team.matter.id, validPlaintiffInput({ name: `Plaintiff ${i}` })),
    ),
  );
  await sealAllAuditEvents();
  return team;
}

describe("audit chain", () => {
  it("is valid and gapless after 50 concurrent mutations", async () => {
    const team = await fiftyConcurrentMutations();
    const report = await verifyAuditChain(team.attorney, team.matter.id);
    expect(report).toMatchObject({ ok: true, checked: 50, unsealed: 0, firstBreak: null });
    const seqs = (await db.auditSeal.findMany({ where: { chain: team.matter.id }, orderBy: { seq: "asc" } })).map((s) => Number(s.seq));
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("finds an altered event at its sequence number", async () => {
    const team = await fiftyConcurrentMutations();
    const victim = await db.auditSeal.findFirstOrThrow({ where: { chain: team.matter.id, seq: 17n } });
    await asSuperuserBypassingTriggers(`UPDATE "AuditEvent" SET details = '{"after":{"name":"Someone else"}}' WHERE id = $1`, [
      victim.eventId.toString(),
    ]);
    const report = await unsafeVerifyChain(team.matter.id);
    expect(report.ok).toBe(false);
    expect(report.checked).toBe(16);
    expect(report.firstBreak).toMatchObject({ seq: "17", eventId: victim.eventId.toString() });
    expect(report.firstBreak?.reason).toMatch(/altered/);
  });

  it("finds a deleted event and a deleted seal", async () => {
    const team = await fiftyConcurrentMutations();
    const seal = await db.auditSeal.findFirstOrThrow({ where: { chain: team.matter.id, seq: 30n } });
    await asSuperuserBypassingTriggers(`DELETE FROM "AuditSeal" WHERE "eventId" = $1`, [seal.eventId.toString()]);
    await asSuperuserBypassingTriggers(`DELETE FROM "AuditEvent" WHERE id = $1`, [seal.eventId.toString()]);
    const report = await unsafeVerifyChain(team.matter.id);
    expect(report.ok).toBe(false);
    expect(report.firstBreak?.seq).toBe("31");
    expect(report.firstBreak?.reason).toMatch(/sequence jumps/);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of audit rows to the app's database role", async () => {
    const team = await fiftyConcurrentMutations();
    const event = await db.auditEvent.findFirstOrThrow({ where: { matterId: team.matter.id } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "forged" } })).rejects.toThrow(/permission denied/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/permission denied/);
    await expect(db.auditSeal.deleteMany({ where: { chain: team.matter.id } })).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditSeal", "AuditEvent"`)).rejects.toThrow(/permission denied/);
    expect((await unsafeVerifyChain(team.matter.id)).ok).toBe(true);
  });

  it("gives the app's database role no way around the append-only triggers", async () => {
    const team = await fiftyConcurrentMutations();
    const event = await db.auditEvent.findFirstOrThrow({ where: { matterId: team.matter.id } });
    const asApp = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await asApp.connect();
    try {
      await expect(asApp.query("SET session_replication_role = replica")).rejects.toThrow(/permission denied/);
      await expect(asApp.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
      await expect(asApp.query(`ALTER TABLE "AuditSeal" DISABLE TRIGGER "AuditSeal_append_only"`)).rejects.toThrow(/must be owner/);
      await expect(asApp.query(`UPDATE "AuditEvent" SET action = 'forged' WHERE id = $1`, [event.id.toString()])).rejects.toThrow(/permission denied/);
      await expect(asApp.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [event.id.toString()])).rejects.toThrow(/permission denied/);
    } finally {
      await asApp.end();
    }
    // Even the owner, who could disable them, is stopped by the triggers while they are on.
    const asOwner = new pg.Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
    await asOwner.connect();
    try {
      await expect(asOwner.query(`UPDATE "AuditEvent" SET action = 'forged' WHERE id = $1`, [event.id.toString()])).rejects.toThrow(/append-only/);
    } finally {
      await asOwner.end();
    }
    expect((await unsafeVerifyChain(team.matter.id)).ok).toBe(true);
  });

  it("answers 404 to a non-member asking to verify", async () => {
    const team = await makeMatterWithTeam();
    await expect(verifyAuditChain(team.outsider, team.matter.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
