import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import { computeDistribution } from "@/lib/server/distribution/compute-distribution";
import { getDistribution } from "@/lib/server/distribution/get-distribution";
import { lockDistribution } from "@/lib/server/distribution/lock-distribution";
import { generateApprovedClaims } from "@/lib/server/testing/distribution-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const plan = (overrides: Record<string, unknown> = {}) => ({
  submissionKey: randomUUID(),
  grossFund: "1,000,000.00",
  attorneysFees: "250,000.00",
  costs: "12,345.67",
  adminCosts: "8,000.01",
  minimumPayment: "0",
  minimumMode: "RAISE_TO_FLOOR",
  defaultWeight: "1",
  "weight:ILLINOIS": "5",
  "weight:CALIFORNIA": "2",
  ...overrides,
});

async function allocations(runId: string) {
  return db.$queryRaw<{ number: string; subclass: string | null; weight: number; kind: string; amount: bigint }[]>`
    SELECT c.number, a.subclass, a.weight, a.kind::text AS kind, a."amountCents" AS amount
    FROM "Allocation" a JOIN "Claim" c ON c.id = a."claimId" WHERE a."runId" = ${runId}::uuid`;
}

describe("distribution: plan of allocation", () => {
  it("pays the net fund over three subclass weights to the cent, the leftover cents by largest remainder", async () => {
    const { matter, attorney } = await makeMatterWithTeam();
    await generateApprovedClaims(matter.id, "ILLINOIS", 37);
    await generateApprovedClaims(matter.id, "CALIFORNIA", 23);
    await generateApprovedClaims(matter.id, null, 41);
    const run = await computeDistribution(attorney, matter.id, plan());
    const saved = await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } });
    const net = 100_000_000n - 25_000_000n - 1_234_567n - 800_001n;
    expect(saved.netFundCents).toBe(net);
    const rows = await allocations(run.id);
    expect(rows).toHaveLength(101);
    const sum = rows.reduce((n, r) => n + r.amount, 0n);
    expect(sum + saved.residueCents).toBe(net);
    expect(saved.allocatedCents).toBe(sum);
    expect(saved.residueCents).toBe(0n);
    // Largest remainder: each claim gets floor(P·w/W) or one cent more; the extra cents go to
    // the largest remainders (weight 5's remainder here, then weight 2's, …).
    const W = BigInt(37 * 5 + 23 * 2 + 41);
    const exact = (w: number) => ({ floor: (net * BigInt(w)) / W, rem: (net * BigInt(w)) % W });
    const leftover = net - rows.reduce((n, r) => n + exact(r.weight).floor, 0n);
    const bumped = rows.filter((r) => r.amount === exact(r.weight).floor + 1n);
    expect(rows.every((r) => r.amount - exact(r.weight).floor <= 1n && r.amount >= exact(r.weight).floor)).toBe(true);
    expect(BigInt(bumped.length)).toBe(leftover);
    const minBumped = bumped.reduce((m, r) => (exact(r.weight).rem < m ? exact(r.weight).rem : m), W);
    const notBumped = rows.filter((r) => r.amount === exact(r.weight).floor);
    expect(notBumped.every((r) => exact(r.weight).rem <= minBumped)).toBe(true);
    const il = rows.find((r) => r.subclass === "ILLINOIS")!;
    const none = rows.find((r) => r.subclass === null)!;
    expect(Number(il.amount) / Number(none.amount)).toBeCloseTo(5, 2);
    // Totals per subclass on the run match the rows.
    const view = await getDistribution(attorney, matter.id);
    const illinois = view.run!.bySubclass.find((s) => s.subclass === "ILLINOIS")!;
    expect(BigInt(illinois.totalCents)).toBe(rows.filter((r) => r.subclass === "ILLINOIS").reduce((n, r) => n + r.amount, 0n));
    expect(view.run!.minPaymentCents).toBe(rows.reduce((m, r) => (r.amount < m ? r.amount : m), rows[0]!.amount));
    expect(view.run!.maxPaymentCents).toBe(rows.reduce((m, r) => (r.amount > m ? r.amount : m), 0n));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { matterId: matter.id, action: "distribution.compute", entityId: run.id } });
    expect(audit.actorId).toBe(attorney.userId);
  });

  it("raises claims under the minimum to it, paid for pro rata by the others", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    await generateApprovedClaims(matter.id, "ILLINOIS", 10);
    await generateApprovedClaims(matter.id, null, 10);
    // Net $100.00 over weights 5 and 1: $1.66 and $8.33 pro rata; the $2.00 minimum lifts the
    // weight-1 claims to $2.00 and the rest ($80.00) goes to the Illinois claims, $8.00 each.
    const run = await computeDistribution(paralegal, matter.id, plan({ grossFund: "100", attorneysFees: "0", costs: "0", adminCosts: "0", minimumPayment: "2.00" }));
    const rows = await allocations(run.id);
    expect(rows.filter((r) => r.subclass === null).every((r) => r.kind === "RAISED" && r.amount === 200n)).toBe(true);
    expect(rows.filter((r) => r.subclass === "ILLINOIS").every((r) => r.kind === "PRO_RATA" && r.amount === 800n)).toBe(true);
    const saved = await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(saved.raisedCount).toBe(10);
    expect(saved.allocatedCents + saved.residueCents).toBe(10_000n);
  });

  it("drops claims under the minimum and redistributes their shares", async () => {
    const { matter, attorney } = await makeMatterWithTeam();
    await generateApprovedClaims(matter.id, "ILLINOIS", 10);
    await generateApprovedClaims(matter.id, null, 10);
    const run = await computeDistribution(attorney, matter.id, plan({ grossFund: "100", attorneysFees: "0", costs: "0", adminCosts: "0", minimumPayment: "2.00", minimumMode: "DROP_BELOW_FLOOR" }));
    const rows = await allocations(run.id);
    expect(rows.filter((r) => r.subclass === null).every((r) => r.kind === "DROPPED" && r.amount === 0n)).toBe(true);
    expect(rows.filter((r) => r.subclass === "ILLINOIS").every((r) => r.amount === 1000n)).toBe(true);
    const saved = await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } });
    expect([saved.droppedCount, saved.paidCount, saved.residueCents]).toEqual([10, 10, 0n]);
  });

  it("reports a residue when every claim is under the minimum and dropped, and refuses a minimum the fund cannot raise everyone to", async () => {
    const { matter, attorney } = await makeMatterWithTeam();
    await generateApprovedClaims(matter.id, null, 3);
    const run = await computeDistribution(attorney, matter.id, plan({ grossFund: "10", attorneysFees: "0", costs: "0", adminCosts: "0", minimumPayment: "5", minimumMode: "DROP_BELOW_FLOOR" }));
    const saved = await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } });
    expect([saved.allocatedCents, saved.residueCents, saved.droppedCount]).toEqual([0n, 1000n, 3]);
    const e = await refusal(computeDistribution(attorney, matter.id, plan({ grossFund: "10", attorneysFees: "0", costs: "0", adminCosts: "0", minimumPayment: "5" })));
    expect(e.fieldErrors.minimumPayment?.[0]).toMatch(/cannot pay the minimum/);
  });

  it("names the bad fields, keeps one run per form submission and one preview per matter", async () => {
    const { matter, attorney } = await makeMatterWithTeam();
    await generateApprovedClaims(matter.id, null, 3);
    const bad = await refusal(computeDistribution(attorney, matter.id, plan({ grossFund: "lots", "weight:ILLINOIS": "0", attorneysFees: "2,000,000" })));
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["grossFund", "weights.ILLINOIS"]);
    const over = await refusal(computeDistribution(attorney, matter.id, plan({ attorneysFees: "2,000,000" })));
    expect(over.fieldErrors.grossFund).toBeDefined();
    const input = plan();
    const a = await computeDistribution(attorney, matter.id, input);
    const b = await computeDistribution(attorney, matter.id, input);
    expect(b.id).toBe(a.id);
    await computeDistribution(attorney, matter.id, plan());
    expect(await db.distributionRun.count({ where: { matterId: matter.id } })).toBe(1);
  });
});

describe("distribution: lock", () => {
  it("an attorney locks with a reason; paralegals cannot; the locked run never changes; other matters see nothing", async () => {
    const { matter, attorney, paralegal, outsider } = await makeMatterWithTeam();
    const other = await makeMatterWithTeam();
    await generateApprovedClaims(matter.id, "ILLINOIS", 4);
    await generateApprovedClaims(matter.id, null, 5);
    const run = await computeDistribution(paralegal, matter.id, plan());
    expect((await refusal(lockDistribution(paralegal, matter.id, run.id, { reason: "Court approved the plan" }))).code).toBe("FORBIDDEN");
    expect((await refusal(lockDistribution(outsider, matter.id, run.id, { reason: "Court approved the plan" }))).code).toBe("NOT_FOUND");
    expect((await refusal(computeDistribution(outsider, matter.id, plan()))).code).toBe("NOT_FOUND");
    // Another matter's attorney, naming this run under their own matter: not found.
    expect((await refusal(lockDistribution(other.attorney, other.matter.id, run.id, { reason: "Court approved the plan" }))).code).toBe("NOT_FOUND");
    expect((await refusal(lockDistribution(attorney, matter.id, run.id, {}))).fieldErrors.reason).toBeDefined();

    await lockDistribution(attorney, matter.id, run.id, { reason: "Final approval order entered" });
    const locked = await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } });
    expect([locked.status, locked.lockedById, locked.lockReason]).toEqual(["LOCKED", attorney.userId, "Final approval order entered"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { matterId: matter.id, action: "distribution.lock", entityId: run.id } });
    expect(audit.details).toMatchObject({ reason: "Final approval order entered", claims: 9 });

    await expect(db.$executeRaw`UPDATE "Allocation" SET "amountCents" = "amountCents" + 1 WHERE "runId" = ${run.id}::uuid`).rejects.toThrow(/locked/);
    await expect(db.$executeRaw`DELETE FROM "Allocation" WHERE "runId" = ${run.id}::uuid`).rejects.toThrow(/locked/);
    await expect(db.distributionRun.update({ where: { id: run.id }, data: { residueCents: 1n } })).rejects.toThrow(/locked/);
    await expect(db.distributionRun.delete({ where: { id: run.id } })).rejects.toThrow(/locked/);
    expect((await refusal(computeDistribution(attorney, matter.id, plan()))).code).toBe("CONFLICT");
    expect((await refusal(lockDistribution(attorney, matter.id, run.id, { reason: "again" }))).code).toBe("CONFLICT");
    // Nor can rows be added to it, or to a run that does not exist.
    await expect(db.$executeRaw`INSERT INTO "Allocation" SELECT "runId", "claimId", subclass, weight, kind, 1 FROM "Allocation" WHERE "runId" = ${run.id}::uuid LIMIT 1`).rejects.toThrow(/locked/);
    await expect(db.$executeRaw`INSERT INTO "Allocation" VALUES (${randomUUID()}::uuid, ${randomUUID()}::uuid, NULL, 1, 'PRO_RATA', 1)`).rejects.toThrow(/does not exist/);
  });

  it("refuses to lock a preview the approved claims have moved past", async () => {
    const { matter, attorney } = await makeMatterWithTeam();
    await generateApprovedClaims(matter.id, null, 3);
    const run = await computeDistribution(attorney, matter.id, plan());
    await generateApprovedClaims(matter.id, null, 1);
    const e = await refusal(lockDistribution(attorney, matter.id, run.id, { reason: "Final approval order entered" }));
    expect([e.code, e.message]).toEqual(["CONFLICT", expect.stringMatching(/changed since this preview/)]);
  });
});
