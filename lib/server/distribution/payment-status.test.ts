import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { generateClaimNumber } from "@/lib/claims/claim-number";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { computeDistribution } from "@/lib/server/distribution/compute-distribution";
import { exportPaymentFile } from "@/lib/server/distribution/export-payment-file";
import { getPaymentFileSummary } from "@/lib/server/distribution/get-payment-file-summary";
import { getReissueQueue } from "@/lib/server/distribution/get-reissue-queue";
import { importPaymentStatus } from "@/lib/server/distribution/import-payment-status";
import { lockDistribution } from "@/lib/server/distribution/lock-distribution";
import { getMyPaymentDetails } from "@/lib/server/payments/get-my-payment-details";
import { setPaymentDetails } from "@/lib/server/payments/set-payment-details";
import { AFTER_LOCK_REFUSAL } from "@/lib/payments/after-lock";
import { generateApprovedClaims } from "@/lib/server/testing/distribution-fixtures";
import { makeMatterWithTeam, makeUser } from "@/lib/server/testing/fixtures";

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

const csv = (rows: string[][]) => ["claim_number,status,reason", ...rows.map((r) => r.join(","))].join("\n");

// Eight approved claims with real claim numbers, each paid by PayPal; one has no details; the
// first belongs to a signed-in member (to give new details after a failure).
async function world() {
  const { matter, attorney, paralegal } = await makeMatterWithTeam();
  await generateApprovedClaims(matter.id, null, 8);
  for (const c of await db.claim.findMany({ where: { matterId: matter.id }, select: { id: true } })) {
    await db.claim.update({ where: { id: c.id }, data: { number: generateClaimNumber() } });
  }
  const claims = await db.claim.findMany({ where: { matterId: matter.id }, orderBy: { number: "asc" }, select: { id: true, number: true, claimantId: true } });
  const member: Actor = await makeUser("CLASS_MEMBER", "Member");
  await db.claimant.update({ where: { id: claims[0]!.claimantId }, data: { userId: member.userId } });
  for (const [i, c] of claims.entries()) {
    if (i === 7) continue;
    await db.claimPaymentDetails.create({ data: { claimId: c.id, matterId: matter.id, method: "PAYPAL", recipient: `m${i}@example.org`, updatedById: attorney.userId } });
  }
  const run = await computeDistribution(attorney, matter.id, {
    submissionKey: randomUUID(),
    grossFund: "800.00",
    attorneysFees: "0",
    costs: "0",
    adminCosts: "0",
    minimumPayment: "0",
    minimumMode: "RAISE_TO_FLOOR",
    defaultWeight: "1",
  });
  return { matter, attorney, paralegal, claims, member, run };
}

describe("payment status import and the re-issue queue", () => {
  it("makes a payment per paid claim at lock, marks them from a status file, queues failures, and re-issues them once", async () => {
    const { matter, attorney, paralegal, claims, member, run } = await world();
    expect((await refusal(importPaymentStatus(attorney, matter.id, run.id, csv([[claims[0]!.number, "paid", ""]])))).code).toBe("CONFLICT");
    await lockDistribution(attorney, matter.id, run.id, { reason: "Final approval order entered." });
    const payments = await db.payment.findMany({ where: { runId: run.id } });
    expect(payments).toHaveLength(8);
    expect(payments.every((p) => p.status === "PENDING" && p.amountCents === 10_000n)).toBe(true);

    expect((await refusal(importPaymentStatus(paralegal, matter.id, run.id, csv([[claims[0]!.number, "paid", ""]])))).code).toBe("FORBIDDEN");
    const outsider = (await makeMatterWithTeam()).attorney;
    expect((await refusal(importPaymentStatus(outsider, matter.id, run.id, csv([[claims[0]!.number, "paid", ""]])))).code).toBe("NOT_FOUND");

    // A file with any bad row changes nothing and names each row.
    const bad = await refusal(
      importPaymentStatus(
        attorney,
        matter.id,
        run.id,
        csv([
          [claims[1]!.number, "paid", ""],
          ["NOT-A-CLAIM", "paid", ""],
          [claims[2]!.number, "lost", ""],
          [claims[3]!.number, "failed", ""],
          [claims[1]!.number, "paid", ""],
        ]),
      ),
    );
    expect(bad.fieldErrors.file).toEqual([
      expect.stringMatching(/^Row 3: .* is not a claim number/),
      "Row 4: status must be paid, failed or returned.",
      "Row 5: a failed payment needs its reason.",
      expect.stringMatching(/^Row 6: claim .* appears twice/),
    ]);
    const otherMatter = await makeMatterWithTeam();
    await generateApprovedClaims(otherMatter.matter.id, null, 1);
    const foreign = await db.claim.update({ where: { id: (await db.claim.findFirstOrThrow({ where: { matterId: otherMatter.matter.id } })).id }, data: { number: generateClaimNumber() } });
    expect((await refusal(importPaymentStatus(attorney, matter.id, run.id, csv([[foreign.number, "paid", ""]])))).fieldErrors.file).toEqual([
      `Row 2: claim ${foreign.number} is not paid by this distribution.`,
    ]);
    expect(await db.payment.count({ where: { runId: run.id, status: { not: "PENDING" } } })).toBe(0);

    const first = await importPaymentStatus(
      attorney,
      matter.id,
      run.id,
      "\uFEFF" +
        csv([
          [claims[0]!.number, "failed", "Recipient account closed"],
          [claims[1]!.number.toLowerCase().replaceAll("-", ""), "PAID", ""],
          [claims[2]!.number, "paid", ""],
          [claims[3]!.number, "returned", "R03 No account"],
        ]),
    );
    expect(first).toEqual({ rows: 4, paid: 2, failed: 1, returned: 1, unchanged: 0 });
    // Importing it again changes nothing; a paid payment may still come back, a failed one is not paid.
    expect(await importPaymentStatus(attorney, matter.id, run.id, csv([[claims[1]!.number, "paid", ""]]))).toEqual({ rows: 1, paid: 0, failed: 0, returned: 0, unchanged: 1 });
    expect((await refusal(importPaymentStatus(attorney, matter.id, run.id, csv([[claims[0]!.number, "paid", ""]])))).fieldErrors.file).toEqual([
      `Row 2: claim ${claims[0]!.number} is failed; it cannot become paid.`,
    ]);
    expect(await importPaymentStatus(attorney, matter.id, run.id, csv([[claims[2]!.number, "returned", "R01 Insufficient funds"]]))).toMatchObject({ returned: 1 });

    const audits = await db.auditEvent.findMany({ where: { entityId: run.id, action: "distribution.import-payment-status" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.details)).toEqual([
      { rows: 4, paid: 2, failed: 1, returned: 1, unchanged: 0 },
      { rows: 1, paid: 0, failed: 0, returned: 0, unchanged: 1 },
      { rows: 1, paid: 0, failed: 0, returned: 1, unchanged: 0 },
    ]);

    const queue = await getReissueQueue(paralegal, matter.id, run.id);
    expect(queue.items.map((q) => [q.number, q.queuedFor, q.reason])).toEqual(
      expect.arrayContaining([
        [claims[0]!.number, "FAILED", "Recipient account closed"],
        [claims[3]!.number, "RETURNED", "R03 No account"],
        [claims[2]!.number, "RETURNED", "R01 Insufficient funds"],
      ]),
    );
    expect(queue.items).toHaveLength(3);
    expect(queue.statuses).toEqual({
      pending: { count: 4, totalCents: 40_000n },
      paid: { count: 1, totalCents: 10_000n },
      failed: { count: 1, totalCents: 10_000n },
      returned: { count: 2, totalCents: 20_000n },
    });

    // The member whose payment failed may give new details despite the lock; others may not.
    expect(await getMyPaymentDetails(member, claims[0]!.number)).toMatchObject({ locked: false, paymentFailed: true });
    await setPaymentDetails(member, claims[0]!.number, { method: "VENMO", recipient: "312-555-0199" });
    const after = await getReissueQueue(attorney, matter.id, run.id);
    expect(after.items.find((q) => q.claimId === claims[0]!.id)).toMatchObject({ method: "VENMO", detailsChangedSince: true });

    // The re-issue file of PayPal takes the two returned PayPal payments, once.
    const reissue = await exportPaymentFile(attorney, matter.id, run.id, "PAYPAL", { reissue: true });
    expect(reissue.payments).toBe(2);
    expect((parse(reissue.body) as string[][]).map((r) => r[3]).sort()).toEqual([claims[2]!.number, claims[3]!.number].sort());
    expect((await exportPaymentFile(attorney, matter.id, run.id, "PAYPAL", { reissue: true })).payments).toBe(0);
    const venmo = await exportPaymentFile(attorney, matter.id, run.id, "VENMO", { reissue: true });
    expect(parse(venmo.body)).toEqual([["3125550199", "100.00", "USD", claims[0]!.number, `Settlement payment, claim ${claims[0]!.number}`, "VENMO"]]);
    expect((await getReissueQueue(attorney, matter.id, run.id)).items).toHaveLength(0);
    const reissued = await db.payment.findUniqueOrThrow({ where: { runId_claimId: { runId: run.id, claimId: claims[0]!.id } } });
    expect(reissued).toMatchObject({ status: "PENDING", attempts: 2 });
    expect(reissued.reissuedAt).not.toBeNull();
    expect(await getMyPaymentDetails(member, claims[0]!.number)).toMatchObject({ locked: true, paymentFailed: false });
    expect((await refusal(setPaymentDetails(member, claims[0]!.number, { method: "PAYPAL", recipient: "again@example.org" }))).code).toBe("CONFLICT");
    const reissueAudit = await db.auditEvent.findMany({ where: { entityId: run.id, action: "distribution.export-payments" } });
    expect(reissueAudit.map((a) => (a.details as { reissue?: boolean; payments: number }).payments).sort()).toEqual([0, 1, 2]);

    // What a payment pays cannot change, whatever writes it.
    await expect(db.payment.update({ where: { runId_claimId: { runId: run.id, claimId: claims[4]!.id } }, data: { amountCents: 1n } })).rejects.toThrow(/cannot change/);
  });

  it("lets a member with no payment details at the lock give them: the payment joins the re-issue queue and the next re-issue file pays it, once", async () => {
    const { matter, attorney, paralegal, claims, member, run } = await world();
    // claims[7] had no payment details when the distribution was locked.
    const late: Actor = await makeUser("CLASS_MEMBER", "Late member");
    await db.claimant.update({ where: { id: claims[7]!.claimantId }, data: { userId: late.userId } });
    await lockDistribution(attorney, matter.id, run.id, { reason: "Final approval order entered." });

    // Details given before the lock stay as they are, even before any file is made.
    expect(await getMyPaymentDetails(member, claims[0]!.number)).toMatchObject({ locked: true, afterLock: "FIXED" });
    expect((await refusal(setPaymentDetails(member, claims[0]!.number, { method: "VENMO", recipient: "312-555-0199" }))).message).toBe(AFTER_LOCK_REFUSAL.OTHER);

    const first = await exportPaymentFile(attorney, matter.id, run.id, "PAYPAL");
    expect(first).toMatchObject({ payments: 7, missingDetails: 1 });
    expect(await getMyPaymentDetails(late, claims[7]!.number)).toMatchObject({ locked: false, paymentFailed: false, afterLock: "MISSING", details: null });

    // Another member's claim is not there at all, payment or not.
    expect((await refusal(setPaymentDetails(member, claims[7]!.number, { method: "PAYPAL", recipient: "thief@example.org" }))).code).toBe("NOT_FOUND");
    expect((await refusal(getMyPaymentDetails(member, claims[7]!.number))).code).toBe("NOT_FOUND");

    await setPaymentDetails(late, claims[7]!.number, { method: "PAYPAL", recipient: "late@example.org" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: claims[7]!.id, action: "claim.set-payment-details" } });
    expect(audit).toMatchObject({ actorId: late.userId, details: { method: "PAYPAL", previousMethod: null, reissue: true } });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { ref: `Claim:${claims[7]!.id}` }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toBe(`Payment details received for claim ${claims[7]!.number}`);
    expect(mail.text).toContain("sent with these details in the next batch");

    const queue = await getReissueQueue(paralegal, matter.id, run.id);
    expect(queue.items.map((q) => [q.number, q.queuedFor, q.method, q.amountCents])).toEqual([[claims[7]!.number, "DETAILS_AFTER_LOCK", "PAYPAL", 10_000n]]);
    expect(queue.queued).toEqual({ count: 1, totalCents: 10_000n, methods: ["PAYPAL"] });
    expect(await getPaymentFileSummary(paralegal, matter.id, run.id)).toEqual({
      byMethod: [{ method: "PAYPAL", payments: 7, totalCents: 70_000n }],
      missing: { payments: 0, totalCents: 0n },
      reissue: { payments: 1, totalCents: 10_000n },
    });
    // The first PayPal file does not take it: only the re-issue file does, so it is not paid twice.
    const again = await exportPaymentFile(attorney, matter.id, run.id, "PAYPAL");
    expect(again).toMatchObject({ payments: 7, missingDetails: 0 });
    expect((parse(again.body as string) as string[][]).map((r) => r[3])).not.toContain(claims[7]!.number);

    // Until a re-issue file takes it, the member may correct what they gave.
    expect(await getMyPaymentDetails(late, claims[7]!.number)).toMatchObject({ locked: false, afterLock: "QUEUED", details: { method: "PAYPAL", recipient: "late@example.org" } });
    await setPaymentDetails(late, claims[7]!.number, { method: "PAYPAL", recipient: "late.fixed@example.org" });

    const reissue = await exportPaymentFile(attorney, matter.id, run.id, "PAYPAL", { reissue: true });
    expect(parse(reissue.body as string)).toEqual([["late.fixed@example.org", "100.00", "USD", claims[7]!.number, `Settlement payment, claim ${claims[7]!.number}`, "PAYPAL"]]);
    expect(await db.payment.findUniqueOrThrow({ where: { runId_claimId: { runId: run.id, claimId: claims[7]!.id } } })).toMatchObject({ status: "PENDING", attempts: 1 });
    expect((await getReissueQueue(attorney, matter.id, run.id)).items).toEqual([]);
    expect((await exportPaymentFile(attorney, matter.id, run.id, "PAYPAL", { reissue: true })).payments).toBe(0);

    // Sent: the details stay as they are, until a status file says it failed.
    expect(await getMyPaymentDetails(late, claims[7]!.number)).toMatchObject({ locked: true, afterLock: "SENT" });
    const sent = await refusal(setPaymentDetails(late, claims[7]!.number, { method: "VENMO", recipient: "312-555-0199" }));
    expect([sent.code, sent.message]).toEqual(["CONFLICT", AFTER_LOCK_REFUSAL.SENT]);

    await importPaymentStatus(
      attorney,
      matter.id,
      run.id,
      csv([
        [claims[0]!.number, "paid", ""],
        [claims[7]!.number, "failed", "Recipient account closed"],
      ]),
    );
    // Paid: refused with a plain reason, and nothing changes.
    expect(await getMyPaymentDetails(member, claims[0]!.number)).toMatchObject({ locked: true, afterLock: "PAID" });
    const paid = await refusal(setPaymentDetails(member, claims[0]!.number, { method: "VENMO", recipient: "312-555-0199" }));
    expect([paid.code, paid.message]).toEqual(["CONFLICT", AFTER_LOCK_REFUSAL.PAID]);
    expect(await db.claimPaymentDetails.findUniqueOrThrow({ where: { claimId: claims[0]!.id } })).toMatchObject({ method: "PAYPAL", recipient: "m0@example.org" });
    // Failed after a late start: new details again, and the queue says it failed.
    await setPaymentDetails(late, claims[7]!.number, { method: "VENMO", recipient: "312-555-0142" });
    expect((await getReissueQueue(attorney, matter.id, run.id)).items.map((q) => [q.number, q.queuedFor, q.method])).toEqual([[claims[7]!.number, "FAILED", "VENMO"]]);
    expect(await db.auditEvent.count({ where: { entityId: claims[0]!.id, action: "claim.set-payment-details" } })).toBe(0);
  });
});
