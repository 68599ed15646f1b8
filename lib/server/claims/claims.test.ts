import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { isValidClaimNumber } from "@/lib/claims/claim-number";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { answerDeficiency } from "@/lib/server/claims/answer-deficiency";
import { approveClaim } from "@/lib/server/claims/approve-claim";
import { getClaim } from "@/lib/server/claims/get-claim";
import { getMyClaim } from "@/lib/server/claims/get-my-claim";
import { listClaims } from "@/lib/server/claims/list-claims";
import { listMyClaims } from "@/lib/server/claims/list-my-claims";
import { markDeficient } from "@/lib/server/claims/mark-deficient";
import { markDuplicate } from "@/lib/server/claims/mark-duplicate";
import { recommendClaim } from "@/lib/server/claims/recommend-claim";
import { redeemSignInToken } from "@/lib/server/auth/redeem-sign-in-token";
import { rejectClaim } from "@/lib/server/claims/reject-claim";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { verifyClaim } from "@/lib/server/claims/verify-claim";
import { withdrawClaim } from "@/lib/server/claims/withdraw-claim";
import { appUrl, env } from "@/lib/server/env";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";
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

const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// The verification link from the member's mailbox, as the member would click it.
async function tokenFromMailbox(email: string): Promise<string> {
  const mail = await latestMail(env.MAIL_SINK_DIR, email);
  return /token=([\w-]+)/.exec(mail.text)![1]!;
}

async function memberActor(userId: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return { userId: u.id, email: u.email, name: u.name, role: u.role };
}

// Files a claim and signs its claimant in through the mailed link.
async function fileAndVerify(slug: string, overrides: Record<string, unknown> = {}) {
  const input = validClaimInput(overrides);
  const result = await submitClaim(slug, input, { ip: "203.0.113.5" });
  const user = await redeemSignInToken(await tokenFromMailbox(input.email as string), null);
  return { ...result, input, member: await memberActor(user!.id) };
}

describe("claims: submission", () => {
  it("stores the claim with a check-valid number, its event, signals, token, mail and audit row together", async () => {
    const { matter } = await makeClaimMatter();
    const input = validClaimInput({ email: "Someone.Else+x@GMAIL.com" });
    const r = await submitClaim(matter.slug, input, { ip: "203.0.113.9" });
    expect(r.created).toBe(true);
    expect(isValidClaimNumber(r.number)).toBe(true);
    const claim = await db.claim.findUniqueOrThrow({ where: { id: r.claimId }, include: { claimant: true, events: true } });
    expect(claim).toMatchObject({ status: "SUBMITTED", subclass: null, attestationIp: "203.0.113.9", ipPrefix: "203.0.113", attestationName: input.attestationName });
    expect(claim.claimant.emailNormalized).toBe("someoneelse@gmail.com");
    expect(claim.events.map((e) => e.type)).toEqual(["SUBMITTED"]);
    expect(await db.auditEvent.count({ where: { entityId: r.claimId, action: "claim.submit" } })).toBe(1);
    // The outbox keeps the mail without its token; the member's copy has the working link.
    const stored = await db.outboxMessage.findFirstOrThrow({ where: { ref: `Claim:${r.claimId}` } });
    expect(stored.text).toContain(`${appUrl}/claim/verify?token=[redacted]`);
    expect(stored.text).toContain(r.number);
    const received = await latestMail(env.MAIL_SINK_DIR, input.email as string);
    expect(received.text).toContain(r.number);
    const token = /token=([\w-]+)/.exec(received.text)![1]!;
    expect(received.text).toContain(`${appUrl}/claim/verify?token=${token}`);
    // Only the token's hash is stored.
    expect(await db.outboxMessage.count({ where: { text: { contains: token } } })).toBe(0);
    expect(await db.signInToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.signInToken.count({ where: { claimId: r.claimId } })).toBe(1);
  });

  it("puts an Illinois resident in the Illinois subclass", async () => {
    const { matter } = await makeClaimMatter();
    const r = await submitClaim(matter.slug, validClaimInput({ q_illinoisResident: "yes", state: "IL", zip: "60601" }), { ip: null });
    expect((await db.claim.findUniqueOrThrow({ where: { id: r.claimId } })).subclass).toBe("ILLINOIS");
  });

  const cases: [string, Record<string, unknown>, string][] = [
    ["a missing name", { fullName: undefined }, "fullName"],
    ["an impossible birth date", { dateOfBirth: "1990-02-30" }, "dateOfBirth"],
    ["a missing birth date", { dateOfBirth: undefined }, "dateOfBirth"],
    ["a bad email", { email: "nobody" }, "email"],
    ["a ZIP from another state", { state: "NY", zip: "94103" }, "zip"],
    ["a malformed ZIP", { zip: "9410" }, "zip"],
    ["a signature that is not the name", { attestationName: "Somebody Else" }, "attestationName"],
    ["no attestation tick", { attestationAgree: undefined }, "attestationAgree"],
    ["a minor without a guardian", { filingFor: "MINOR", dateOfBirth: "2015-01-01" }, "guardianName"],
    ["a 'minor' who is an adult", { filingFor: "MINOR", guardianName: "G Person", dateOfBirth: "1980-01-01" }, "dateOfBirth"],
    ["an unknown payment option", { paymentPreference: "GOLD" }, "paymentPreference"],
    ["an unanswered question", { q_illinoisResident: undefined }, "q_illinoisResident"],
    ["a field the form does not have", { fraudScore: 0 }, "_form"],
  ];
  it.each(cases)("refuses %s, naming the field, and writes nothing", async (_label, override, field) => {
    const { matter } = await makeClaimMatter();
    const error = await refusal(submitClaim(matter.slug, validClaimInput(override), { ip: null }));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors)).toContain(field);
    expect(await db.claim.count({ where: { matterId: matter.id } })).toBe(0);
  });

  it("says why a failed criterion fails, and accepts the claim for review when asked to", async () => {
    const { matter } = await makeClaimMatter();
    const error = await refusal(submitClaim(matter.slug, validClaimInput({ q_usedInUs: "no" }), { ip: null }));
    expect(error.fieldErrors.q_usedInUs?.[0]).toContain("United States");
    const r = await submitClaim(matter.slug, validClaimInput({ q_usedInUs: "no", submitAnyway: "on" }), { ip: null });
    const { eligibilityFailures } = await getClaim((await makeClaimMatter()).attorney, matter.id, r.claimId).catch(() => ({ eligibilityFailures: null }));
    expect(eligibilityFailures).toBeNull(); // another matter's attorney sees nothing
    const event = await db.claimEvent.findFirstOrThrow({ where: { claimId: r.claimId } });
    expect(event.details).toMatchObject({ eligibilityFailures: [{ questionId: "usedInUs" }] });
  });

  it("makes one claim from 50 concurrent submits of the same form", async () => {
    const { matter } = await makeClaimMatter();
    const input = validClaimInput();
    const results = await Promise.all(Array.from({ length: 50 }, () => submitClaim(matter.slug, input, { ip: "203.0.113.1" })));
    expect(new Set(results.map((r) => r.claimId)).size).toBe(1);
    expect(new Set(results.map((r) => r.number)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.claim.count({ where: { matterId: matter.id } })).toBe(1);
    expect(await db.claimant.count({ where: { matterId: matter.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { matterId: matter.id, action: "claim.submit" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: input.email as string } })).toBe(1);
  });

  it("keeps each of many concurrent claims whole, though they are inserted together", async () => {
    const { matter } = await makeClaimMatter();
    const repeated = validClaimInput();
    const inputs = [...Array.from({ length: 20 }, () => validClaimInput()), ...Array.from({ length: 5 }, () => repeated)];
    const results = await Promise.all(inputs.map((input, i) => submitClaim(matter.slug, input, { ip: `198.51.100.${i}` })));
    expect(results.filter((r) => r.created)).toHaveLength(21);
    expect(new Set(results.slice(20).map((r) => r.claimId)).size).toBe(1);
    const claims = await db.claim.findMany({
      where: { matterId: matter.id },
      select: { id: true, claimant: { select: { email: true } }, events: { select: { type: true } } },
    });
    expect(claims).toHaveLength(21);
    for (const claim of claims) {
      // Random fixture people can coincide (same birth date and a similar generated name); the
      // settle step then re-scores the later one, which its history says. Wholeness is the point.
      expect(claim.events.map((e) => e.type).filter((t) => t !== "RESCORED")).toEqual(["SUBMITTED"]);
      expect(await db.signInToken.count({ where: { claimId: claim.id } })).toBe(1);
      expect(await db.outboxMessage.count({ where: { ref: `Claim:${claim.id}` } })).toBe(1);
      expect(await db.auditEvent.count({ where: { entityId: claim.id, action: "claim.submit" } })).toBe(1);
    }
    expect(new Set(claims.map((c) => c.claimant.email)).size).toBe(21);
  });

  it("issues unique claim numbers", async () => {
    const { matter } = await makeClaimMatter();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => submitClaim(matter.slug, validClaimInput(), { ip: `192.0.2.${i}` })));
    expect(new Set(results.map((r) => r.number)).size).toBe(40);
    expect(results.every((r) => isValidClaimNumber(r.number))).toBe(true);
  });

  it("answers 404 for a matter without a claim form or an unknown slug", async () => {
    const { matter } = await makeClaimMatter();
    await db.matter.update({ where: { id: matter.id }, data: { claimForm: undefined } });
    expect((await refusal(submitClaim("no-such-matter", validClaimInput(), { ip: null }))).code).toBe("NOT_FOUND");
  });
});

describe("claims: verification link", () => {
  it("verifies the claim, creates the member account, signs in once, and shows the claim with its history", async () => {
    const { matter } = await makeClaimMatter();
    const input = validClaimInput();
    const r = await submitClaim(matter.slug, input, { ip: null });
    const token = await tokenFromMailbox(input.email as string);
    const user = await redeemSignInToken(token, "203.0.113.2");
    expect(user).toMatchObject({ email: input.email, role: "CLASS_MEMBER" });
    expect(await redeemSignInToken(token, null)).toBeNull();
    const member = await memberActor(user!.id);
    const mine = await listMyClaims(member);
    expect(mine.map((c) => c.number)).toEqual([r.number]);
    const detail = await getMyClaim(member, r.number.toLowerCase());
    expect(detail.status).toBe("VERIFIED");
    expect(detail.events.map((e) => e.toStatus)).toEqual(["SUBMITTED", "VERIFIED"]);
  });

  it("refuses an expired or malformed token", async () => {
    const { matter } = await makeClaimMatter();
    const input = validClaimInput();
    await submitClaim(matter.slug, input, { ip: null });
    const token = await tokenFromMailbox(input.email as string);
    await db.signInToken.updateMany({ where: { email: input.email as string }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await redeemSignInToken(token, null)).toBeNull();
    expect(await redeemSignInToken("x", null)).toBeNull();
  });

  it("never signs a staff account in by link", async () => {
    const { matter, paralegal } = await makeClaimMatter();
    await submitClaim(matter.slug, validClaimInput({ email: paralegal.email }), { ip: null });
    expect(await redeemSignInToken(await tokenFromMailbox(paralegal.email), null)).toBeNull();
  });
});

describe("claims: review and deficiency round trip", () => {
  it("paralegal marks deficient and recommends, member answers with a file, attorney approves", async () => {
    const { matter, paralegal, attorney } = await makeClaimMatter();
    const { claimId, number, member } = await fileAndVerify(matter.slug);
    await markDeficient(paralegal, matter.id, claimId, { fields: ["addressLine1", "document"], notice: "Your street address is incomplete; send a utility bill.", dueOn: inFuture(30) });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { ref: `Claim:${claimId}`, subject: { startsWith: "Action needed" } } });
    expect(mail.text).toContain("utility bill");
    expect(mail.text).toContain(`Sign in to answer: ${appUrl}/claim/verify?token=[redacted]`);
    const notice = await latestMail(env.MAIL_SINK_DIR, member.email, "Action needed");
    expect(notice.text).toContain(`Sign in to answer: ${appUrl}/claim/verify?token=`);
    expect(notice.text).toMatch(/token=[\w-]{43}$/m);
    const shown = await getMyClaim(member, number);
    expect(shown).toMatchObject({ status: "DEFICIENT", deficientFields: ["addressLine1", "document"] });

    // Only the named fields may change.
    expect(Object.keys((await refusal(answerDeficiency(member, number, { addressLine1: "1 New St", city: "Elsewhere" }, null))).fieldErrors)).toContain("_form");
    expect(Object.keys((await refusal(answerDeficiency(member, number, { addressLine1: "1 New St" }, null))).fieldErrors)).toEqual(["document"]);
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    await answerDeficiency(member, number, { addressLine1: "1 New Street" }, { name: "bill.pdf", bytes: pdf });
    const after = await db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { claimant: true, attachments: true } });
    // Answered claims wait in their own queue state, not back among "Email verified" ones.
    expect(after.status).toBe("DEFICIENCY_ANSWERED");
    expect((await listClaims(paralegal, matter.id, { status: "DEFICIENCY_ANSWERED" })).rows.map((r) => r.id)).toEqual([claimId]);
    expect(after.claimant.addressLine1).toBe("1 New Street");
    expect(after.attachments.map((a) => a.filename)).toEqual(["bill.pdf"]);

    await recommendClaim(paralegal, matter.id, claimId, { recommendation: "APPROVE", reason: "Address now matches the bill." });
    expect((await refusal(approveClaim(paralegal, matter.id, claimId))).code).toBe("FORBIDDEN");
    await approveClaim(attorney, matter.id, claimId, { reason: "Complete." });
    const final = await getMyClaim(member, number);
    expect(final.events.map((e) => e.toStatus)).toEqual(["SUBMITTED", "VERIFIED", "DEFICIENT", "DEFICIENCY_ANSWERED", "APPROVED"]);
    const actions = (await db.auditEvent.findMany({ where: { entityId: claimId }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["claim.submit", "claim.verify-email", "claim.mark-deficient", "claim.answer-deficiency", "claim.recommend", "claim.approve"]);
  });

  it("rejects only with a reason, marks duplicates only within the matter, and lets a member withdraw", async () => {
    const { matter, attorney } = await makeClaimMatter();
    const a = await submitClaim(matter.slug, validClaimInput(), { ip: null });
    const b = await submitClaim(matter.slug, validClaimInput(), { ip: null });
    expect(Object.keys((await refusal(rejectClaim(attorney, matter.id, a.claimId, {}))).fieldErrors)).toEqual(["reason"]);
    const other = await makeClaimMatter();
    const foreign = await submitClaim(other.matter.slug, validClaimInput(), { ip: null });
    expect((await refusal(markDuplicate(attorney, matter.id, b.claimId, { duplicateOfNumber: foreign.number }))).fieldErrors.duplicateOfNumber).toBeDefined();
    await markDuplicate(attorney, matter.id, b.claimId, { duplicateOfNumber: a.number });
    expect((await db.claim.findUniqueOrThrow({ where: { id: b.claimId } })).duplicateOfId).toBe(a.claimId);
    expect((await refusal(verifyClaim(attorney, matter.id, b.claimId))).code).toBe("CONFLICT");

    const filed = await fileAndVerify(matter.slug);
    await withdrawClaim(filed.member, filed.number);
    expect((await getMyClaim(filed.member, filed.number)).status).toBe("WITHDRAWN");
  });
});

describe("claims: authorization matrix", () => {
  it("a member reads and acts on their own claim only; another member gets 404", async () => {
    const { matter } = await makeClaimMatter();
    const a = await fileAndVerify(matter.slug);
    const b = await fileAndVerify(matter.slug);
    // Positive control.
    expect((await getMyClaim(a.member, a.number)).id).toBe(a.claimId);
    expect((await listMyClaims(b.member)).map((c) => c.id)).toEqual([b.claimId]);
    expect((await refusal(getMyClaim(b.member, a.number))).code).toBe("NOT_FOUND");
    expect((await refusal(withdrawClaim(b.member, a.number))).code).toBe("NOT_FOUND");
    expect((await refusal(answerDeficiency(b.member, a.number, {}, null))).code).toBe("NOT_FOUND");
    expect((await refusal(getClaim(b.member, matter.id, a.claimId))).code).toBe("NOT_FOUND");
    expect((await getMyClaim(a.member, a.number)).status).toBe("VERIFIED");
  });

  type Who = "attorney" | "paralegal" | "outsider" | "admin" | "member";
  const EXPECTED: Record<string, Record<Who, string>> = {
    listClaims: { attorney: "allowed", paralegal: "allowed", outsider: "NOT_FOUND", admin: "NOT_FOUND", member: "NOT_FOUND" },
    getClaim: { attorney: "allowed", paralegal: "allowed", outsider: "NOT_FOUND", admin: "NOT_FOUND", member: "NOT_FOUND" },
    verifyClaim: { attorney: "allowed", paralegal: "allowed", outsider: "NOT_FOUND", admin: "NOT_FOUND", member: "NOT_FOUND" },
    markDeficient: { attorney: "allowed", paralegal: "allowed", outsider: "NOT_FOUND", admin: "NOT_FOUND", member: "NOT_FOUND" },
    recommendClaim: { attorney: "allowed", paralegal: "allowed", outsider: "NOT_FOUND", admin: "NOT_FOUND", member: "NOT_FOUND" },
    approveClaim: { attorney: "allowed", paralegal: "FORBIDDEN", outsider: "NOT_FOUND", admin: "NOT_FOUND", member: "NOT_FOUND" },
    rejectClaim: { attorney: "allowed", paralegal: "FORBIDDEN", outsider: "NOT_FOUND", admin: "NOT_FOUND", member: "NOT_FOUND" },
    markDuplicate: { attorney: "allowed", paralegal: "FORBIDDEN", outsider: "NOT_FOUND", admin: "NOT_FOUND", member: "NOT_FOUND" },
  };
  type Team = Awaited<ReturnType<typeof makeClaimMatter>>;
  const CALLS: Record<string, (actor: Actor, t: Team, claimId: string, otherNumber: string) => Promise<unknown>> = {
    listClaims: (a, t) => listClaims(a, t.matter.id, {}),
    getClaim: (a, t, id) => getClaim(a, t.matter.id, id),
    verifyClaim: (a, t, id) => verifyClaim(a, t.matter.id, id),
    markDeficient: (a, t, id) => markDeficient(a, t.matter.id, id, { fields: ["zip"], notice: "Please check your ZIP code.", dueOn: inFuture(14) }),
    recommendClaim: (a, t, id) => recommendClaim(a, t.matter.id, id, { recommendation: "REJECT", reason: "No US use." }),
    approveClaim: (a, t, id) => approveClaim(a, t.matter.id, id),
    rejectClaim: (a, t, id) => rejectClaim(a, t.matter.id, id, { reason: "Not a class member." }),
    markDuplicate: (a, t, id, n) => markDuplicate(a, t.matter.id, id, { duplicateOfNumber: n }),
  };
  for (const [name, call] of Object.entries(CALLS)) {
    for (const who of Object.keys(EXPECTED[name]!) as Who[]) {
      it(`${name} as ${who}: ${EXPECTED[name]![who]}`, async () => {
        const team = await makeClaimMatter();
        const first = await submitClaim(team.matter.slug, validClaimInput(), { ip: null });
        const claim = await submitClaim(team.matter.slug, validClaimInput(), { ip: null });
        const outcome = await call(team[who], team, claim.claimId, first.number).then(
          () => "allowed",
          (e: unknown) => (e instanceof AppError ? e.code : `unexpected ${String(e)}`),
        );
        expect(outcome).toBe(EXPECTED[name]![who]);
      });
    }
  }
});
