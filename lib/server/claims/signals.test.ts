import { describe, expect, it } from "vitest";
import type { SignalKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { unsafeRescoreMatter } from "@/lib/server/claims/rescore-claims";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";

async function kindsOf(claimId: string): Promise<SignalKind[]> {
  return (await db.claimSignal.findMany({ where: { claimId } })).map((s) => s.kind).sort();
}

type Case = { kind: SignalKind; first: Record<string, unknown>; hit: Record<string, unknown>; miss: Record<string, unknown>; firstIp?: string; ip?: string; missIp?: string; repeat?: number };

// Each signal: a crafted pair that must fire it, and a near miss that must not.
const CASES: Case[] = [
  { kind: "SAME_EMAIL", first: { email: "jane.doe@gmail.com" }, hit: { email: "Jane.Doe+claim@googlemail.com" }, miss: { email: "jane.doe2@gmail.com" } },
  { kind: "SAME_PHONE", first: { phone: "312-555-0101" }, hit: { phone: "+1 (312) 555 0101" }, miss: { phone: "312-555-0102" } },
  {
    kind: "SAME_ADDRESS",
    first: { addressLine1: "500 Lake Shore Drive", addressLine2: "Apt 12", city: "Chicago", state: "IL", zip: "60611" },
    hit: { addressLine1: "500 LAKE SHORE DR #12", city: "Chicago", state: "IL", zip: "60611" },
    miss: { addressLine1: "500 Lake Shore Dr", addressLine2: "Apt 13", city: "Chicago", state: "IL", zip: "60611" },
  },
  {
    kind: "NAME_DOB_NEAR_DUPLICATE",
    first: { fullName: "Katherine Johnson", attestationName: "Katherine Johnson", dateOfBirth: "1988-08-26" },
    hit: { fullName: "Katharine Johnsen", attestationName: "Katharine Johnsen", dateOfBirth: "1988-08-26" },
    miss: { fullName: "Katherine Johnson", attestationName: "Katherine Johnson", dateOfBirth: "1988-08-27" },
  },
  { kind: "DISPOSABLE_EMAIL", first: {}, hit: { email: "someone@mailinator.com" }, miss: { email: "someone@mail.com" } },
];

describe("fraud signals fire on a crafted pair and not on a near miss", () => {
  for (const c of CASES) {
    it(c.kind, async () => {
      const { matter } = await makeClaimMatter();
      const first = await submitClaim(matter.slug, validClaimInput(c.first), { ip: null });
      const hit = await submitClaim(matter.slug, validClaimInput(c.hit), { ip: null });
      const miss = await submitClaim(matter.slug, validClaimInput(c.miss), { ip: null });
      expect(await kindsOf(first.claimId)).not.toContain(c.kind);
      expect(await kindsOf(hit.claimId)).toContain(c.kind);
      expect(await kindsOf(miss.claimId)).not.toContain(c.kind);
      const signal = await db.claimSignal.findFirstOrThrow({ where: { claimId: hit.claimId, kind: c.kind } });
      if (c.kind !== "DISPOSABLE_EMAIL") {
        expect(signal.matchedClaimId).toBe(first.claimId);
        expect(signal.detail).toMatchObject({ matches: [first.number] });
      } else {
        expect(signal.detail).toMatchObject({ domain: "mailinator.com" });
      }
      expect((await db.claim.findUniqueOrThrow({ where: { id: hit.claimId } })).fraudScore).toBeGreaterThan(0);
    });
  }

  it("IP_BURST: the fifth claim from one IP in an hour, not the fourth, nor one from a neighbour", async () => {
    const { matter } = await makeClaimMatter();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await submitClaim(matter.slug, validClaimInput(), { ip: "198.51.100.20" })).claimId);
    const neighbour = await submitClaim(matter.slug, validClaimInput(), { ip: "198.51.100.21" });
    expect(await kindsOf(ids[3]!)).not.toContain("IP_BURST");
    expect(await kindsOf(ids[4]!)).toContain("IP_BURST");
    expect(await kindsOf(neighbour.claimId)).not.toContain("IP_BURST");
  });

  it("ADDRESS_BURST: the fourth claim at one address, not the third", async () => {
    const { matter } = await makeClaimMatter();
    const at = { addressLine1: "9 Main St", city: "Austin", state: "TX", zip: "78701" };
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await submitClaim(matter.slug, validClaimInput(at), { ip: null })).claimId);
    expect(await kindsOf(ids[2]!)).not.toContain("ADDRESS_BURST");
    expect(await kindsOf(ids[3]!)).toContain("ADDRESS_BURST");
  });

  it("VELOCITY_SPIKE: the twentieth claim from one /24 in ten minutes, not from the next network", async () => {
    const { matter } = await makeClaimMatter();
    let last = "";
    for (let i = 0; i < 20; i++) last = (await submitClaim(matter.slug, validClaimInput(), { ip: `203.0.113.${i + 1}` })).claimId;
    const other = await submitClaim(matter.slug, validClaimInput(), { ip: "203.0.114.1" });
    expect(await kindsOf(last)).toContain("VELOCITY_SPIKE");
    expect(await kindsOf(other.claimId)).not.toContain("VELOCITY_SPIKE");
  });

  it("routes a claim at or above the threshold, and batch re-scoring reproduces submission's signals", async () => {
    const { matter } = await makeClaimMatter();
    const ids: string[] = [];
    for (const c of CASES) {
      ids.push((await submitClaim(matter.slug, validClaimInput(c.first), { ip: null })).claimId);
      ids.push((await submitClaim(matter.slug, validClaimInput(c.hit), { ip: null })).claimId);
      ids.push((await submitClaim(matter.slug, validClaimInput(c.miss), { ip: null })).claimId);
    }
    for (let i = 0; i < 5; i++) ids.push((await submitClaim(matter.slug, validClaimInput(), { ip: "198.51.100.99" })).claimId);
    const before = new Map<string, SignalKind[]>();
    for (const id of ids) before.set(id, await kindsOf(id));
    const scores = new Map((await db.claim.findMany({ where: { matterId: matter.id } })).map((c) => [c.id, c.fraudScore]));
    await db.claimSignal.deleteMany({ where: { claimId: { in: ids } } });
    await db.claim.updateMany({ where: { matterId: matter.id }, data: { fraudScore: 0 } });
    const r = await unsafeRescoreMatter(matter.id);
    expect(r.claims).toBe(ids.length);
    for (const id of ids) expect(await kindsOf(id)).toEqual(before.get(id));
    for (const c of await db.claim.findMany({ where: { matterId: matter.id } })) expect(c.fraudScore).toBe(scores.get(c.id));
    // Each claim whose score moved says so in its history; an unchanged one does not.
    const moved = [...scores].filter(([, score]) => score !== 0);
    expect(r.changed).toBe(moved.length);
    expect(moved.length).toBeGreaterThan(0);
    for (const [id, score] of moved) {
      const events = await db.claimEvent.findMany({ where: { claimId: id, type: "RESCORED" } });
      expect(events.map((e) => e.note)).toEqual([`Fraud score 0 → ${score} on re-scoring`]);
    }
    const unmoved = [...scores].find(([, score]) => score === 0);
    if (unmoved) expect(await db.claimEvent.count({ where: { claimId: unmoved[0], type: "RESCORED" } })).toBe(0);
  });
});

describe("claims filed at the same moment see each other", () => {
  it("two near twins submitted together: the later one carries the signals, before any re-score", async () => {
    const { matter } = await makeClaimMatter();
    const twin = { dateOfBirth: "1995-01-05", phone: "(217) 555-0199", addressLine1: "14 Elm Street", city: "Springfield", state: "IL", zip: "62701" };
    // Submitted concurrently, their lookups travel in one statement and cannot see each other.
    const [a, b] = await Promise.all([
      submitClaim(matter.slug, validClaimInput({ ...twin, fullName: "Morgan Diaz", attestationName: "Morgan Diaz" }), { ip: null }),
      submitClaim(matter.slug, validClaimInput({ ...twin, fullName: "Morgon Diaz", attestationName: "Morgon Diaz" }), { ip: null }),
    ]);
    const claims = await db.claim.findMany({ where: { id: { in: [a.claimId, b.claimId] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const [earlier, later] = claims;
    expect(await kindsOf(later!.id)).toEqual(["NAME_DOB_NEAR_DUPLICATE", "SAME_ADDRESS", "SAME_PHONE"]);
    expect(await kindsOf(earlier!.id)).toEqual([]);
    expect(later!.fraudScore).toBe(80);
    // Re-scoring agrees, and finds nothing doubled.
    await unsafeRescoreMatter(matter.id);
    expect(await kindsOf(later!.id)).toEqual(["NAME_DOB_NEAR_DUPLICATE", "SAME_ADDRESS", "SAME_PHONE"]);
    expect((await db.claim.findUniqueOrThrow({ where: { id: later!.id } })).fraudScore).toBe(80);
  });
});
