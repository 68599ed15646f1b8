import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { isValidRoutingNumber } from "@/lib/payments/payment-details";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { redeemSignInToken } from "@/lib/server/auth/redeem-sign-in-token";
import { approveClaim } from "@/lib/server/claims/approve-claim";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { computeDistribution } from "@/lib/server/distribution/compute-distribution";
import { lockDistribution } from "@/lib/server/distribution/lock-distribution";
import { env } from "@/lib/server/env";
import { decryptAccountNumber } from "@/lib/server/payments/payment-crypto";
import { getClaimPaymentDetails } from "@/lib/server/payments/get-claim-payment-details";
import { getMyPaymentDetails } from "@/lib/server/payments/get-my-payment-details";
import { setPaymentDetails } from "@/lib/server/payments/set-payment-details";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { latestMail } from "@/scripts/lib/mailbox";

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

async function fileAndVerify(slug: string) {
  const input = validClaimInput();
  const result = await submitClaim(slug, input, { ip: "203.0.113.5" });
  const mail = await latestMail(env.MAIL_SINK_DIR, input.email as string);
  const user = await redeemSignInToken(/token=([\w-]+)/.exec(mail.text)![1]!, null);
  const u = await db.user.findUniqueOrThrow({ where: { id: user!.id } });
  const member: Actor = { userId: u.id, email: u.email, name: u.name, role: u.role };
  return { ...result, input, member };
}

// 021000021 (JPMorgan Chase, New York) passes the ABA check; changing its last digit breaks it.
const ROUTING = "021000021";
const ACCOUNT = "000123456789";
const ach = { method: "ACH", routingNumber: ROUTING, accountNumber: ACCOUNT, accountNumberConfirm: ACCOUNT, accountType: "CHECKING" };

describe("payment details: validation", () => {
  it("checks the ABA routing number's check digit", () => {
    expect(isValidRoutingNumber("021000021")).toBe(true);
    expect(isValidRoutingNumber("011000015")).toBe(true);
    expect(isValidRoutingNumber("021000022")).toBe(false);
    expect(isValidRoutingNumber("12345678")).toBe(false);
  });

  it("refuses each bad field by name", async () => {
    const { matter } = await makeClaimMatter();
    const { number, member } = await fileAndVerify(matter.slug);
    const fields = async (input: Record<string, unknown>) => Object.keys((await refusal(setPaymentDetails(member, number, input))).fieldErrors);
    expect(await fields({ ...ach, routingNumber: "021000022" })).toEqual(["routingNumber"]);
    expect(await fields({ ...ach, accountNumberConfirm: "000123456780" })).toEqual(["accountNumberConfirm"]);
    expect(await fields({ ...ach, accountNumber: "12", accountNumberConfirm: "12" })).toEqual(["accountNumber"]);
    expect(await fields({ method: "PAYPAL", recipient: "not an address" })).toEqual(["recipient"]);
    expect(await fields({ method: "VENMO", recipient: "555-0100" })).toEqual(["recipient"]);
    expect(await fields({ method: "VENMO" })).toEqual(["recipient"]);
    expect(await fields({ method: "PREPAID_CARD", recipient: "415-555-0100" })).toEqual(["recipient"]);
    expect(await fields({ method: "CHECK", addressLine1: "1 Main St", city: "Chicago", state: "IL", zip: "94103" })).toEqual(["zip"]);
    expect(await fields({ method: "GOLD" })).toEqual(["method"]);
    expect(await fields({ method: "PAYPAL", recipient: "a@b.co", extra: "x" })).toEqual(["_form"]);
    expect(await db.claimPaymentDetails.count({ where: { claim: { number } } })).toBe(0);
  });
});

describe("payment details: the member sets them, staff read them", () => {
  it("keeps the account number encrypted, out of audit and mail; attorneys see it, paralegals masked, outsiders 404", async () => {
    const { matter, attorney, paralegal } = await makeClaimMatter();
    const { claimId, number, member, input } = await fileAndVerify(matter.slug);

    await setPaymentDetails(member, number, { method: "PAYPAL", recipient: "Pat.Pal@Example.org" });
    const first = await latestMail(env.MAIL_SINK_DIR, input.email as string, "Payment details received");
    expect(first.text).toContain("PayPal: p•••@example.org");

    await setPaymentDetails(member, number, ach);
    const row = await db.claimPaymentDetails.findUniqueOrThrow({ where: { claimId } });
    expect(row).toMatchObject({ method: "ACH", achRoutingNumber: ROUTING, achAccountLast4: "6789", achAccountType: "CHECKING", recipient: null, updatedById: member.userId });
    expect(row.achAccountCipher).not.toContain(ACCOUNT);
    expect(decryptAccountNumber(claimId, row.achAccountCipher!)).toBe(ACCOUNT);
    // Bound to its claim: the same ciphertext in another claim's row does not decrypt.
    expect(() => decryptAccountNumber(randomUUID(), row.achAccountCipher!)).toThrow();
    // Nowhere in the clear: not the row, the audit log or the mail.
    const clear = await db.$queryRaw<{ hits: number }[]>`SELECT count(*)::int AS hits FROM "ClaimPaymentDetails" p WHERE p::text LIKE ${`%${ACCOUNT}%`}`;
    expect(clear[0]!.hits).toBe(0);
    const audits = await db.auditEvent.findMany({ where: { entityId: claimId, action: "claim.set-payment-details" }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => a.actorId)).toEqual([member.userId, member.userId]);
    expect(audits[1]!.details).toMatchObject({ method: "ACH", previousMethod: "PAYPAL", previousSummary: "PayPal: p•••@example.org" });
    expect(JSON.stringify(audits.map((a) => a.details))).not.toMatch(/123456789|pat\.pal/);
    const changed = await latestMail(env.MAIL_SINK_DIR, input.email as string, "Payment details changed");
    expect(changed.text).toContain("••••6789");
    expect(changed.text).not.toContain(ACCOUNT);
    expect(await db.outboxMessage.count({ where: { text: { contains: "123456789" } } })).toBe(0);

    const full = await getClaimPaymentDetails(attorney, matter.id, claimId);
    expect(full).toMatchObject({ method: "ACH", accountNumber: ACCOUNT, routingNumber: ROUTING, accountLast4: "6789", masked: false });
    const masked = await getClaimPaymentDetails(paralegal, matter.id, claimId);
    expect(masked).toMatchObject({ method: "ACH", accountNumber: null, routingNumber: "•••••0021", accountLast4: "6789", masked: true });
    const outsider = (await makeMatterWithTeam()).attorney;
    expect((await refusal(getClaimPaymentDetails(outsider, matter.id, claimId))).code).toBe("NOT_FOUND");
    // The claim of another matter through this matter's page: not found either.
    const other = await makeClaimMatter();
    expect((await refusal(getClaimPaymentDetails(other.attorney, other.matter.id, claimId))).code).toBe("NOT_FOUND");

    // Venmo by phone: stored as +1 and ten digits; a paralegal sees the last four.
    await setPaymentDetails(member, number, { method: "VENMO", recipient: "(415) 555-0142" });
    expect(await db.claimPaymentDetails.findUniqueOrThrow({ where: { claimId } })).toMatchObject({ method: "VENMO", recipient: "+14155550142", achAccountCipher: null, achAccountLast4: null });
    expect(await getClaimPaymentDetails(paralegal, matter.id, claimId)).toMatchObject({ recipient: "•••-•••-0142" });
    expect(await getClaimPaymentDetails(attorney, matter.id, claimId)).toMatchObject({ recipient: "+14155550142" });

    await setPaymentDetails(member, number, { method: "CHECK", addressLine1: "1 Main St", addressLine2: "Apt 2", city: "Chicago", state: "IL", zip: "60601" });
    expect(await getClaimPaymentDetails(paralegal, matter.id, claimId)).toMatchObject({ method: "CHECK", addressLine1: "•••", city: "Chicago", payeeName: input.fullName });
    expect(await getMyPaymentDetails(member, number)).toMatchObject({ locked: false, details: { method: "CHECK", addressLine1: "1 Main St" } });
  });

  it("is the member's own: another member and staff get 404", async () => {
    const { matter, attorney } = await makeClaimMatter();
    const a = await fileAndVerify(matter.slug);
    const b = await fileAndVerify(matter.slug);
    expect((await refusal(setPaymentDetails(b.member, a.number, { method: "PAYPAL", recipient: "b@example.org" }))).code).toBe("NOT_FOUND");
    expect((await refusal(setPaymentDetails(attorney, a.number, { method: "PAYPAL", recipient: "b@example.org" }))).code).toBe("NOT_FOUND");
    expect((await refusal(getMyPaymentDetails(b.member, a.number))).code).toBe("NOT_FOUND");
    expect(await db.claimPaymentDetails.count({ where: { claimId: a.claimId } })).toBe(0);
  });

  it("is refused once the matter's distribution is locked", async () => {
    const { matter, attorney } = await makeClaimMatter();
    const { claimId, number, member } = await fileAndVerify(matter.slug);
    await setPaymentDetails(member, number, { method: "PAYPAL", recipient: "first@example.org" });
    await approveClaim(attorney, matter.id, claimId);
    const run = await computeDistribution(attorney, matter.id, {
      submissionKey: randomUUID(),
      grossFund: "1,000.00",
      attorneysFees: "0",
      costs: "0",
      adminCosts: "0",
      minimumPayment: "0",
      minimumMode: "RAISE_TO_FLOOR",
      defaultWeight: "1",
    });
    await lockDistribution(attorney, matter.id, run.id, { reason: "Final approval order entered." });
    expect((await getMyPaymentDetails(member, number)).locked).toBe(true);
    const error = await refusal(setPaymentDetails(member, number, { method: "PAYPAL", recipient: "second@example.org" }));
    expect(error.code).toBe("CONFLICT");
    expect(await db.claimPaymentDetails.findUniqueOrThrow({ where: { claimId } })).toMatchObject({ recipient: "first@example.org" });
    expect(await db.auditEvent.count({ where: { entityId: claimId, action: "claim.set-payment-details" } })).toBe(1);
  });
});
