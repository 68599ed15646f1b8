import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { describeAuditEvent, isAuditAction } from "@/lib/audit/events";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { flagAllegation } from "@/lib/server/allegations/flag-allegation";
import { approveClaim } from "@/lib/server/claims/approve-claim";
import { markDeficient } from "@/lib/server/claims/mark-deficient";
import { recommendClaim } from "@/lib/server/claims/recommend-claim";
import { redeemSignInToken } from "@/lib/server/auth/redeem-sign-in-token";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { createCount } from "@/lib/server/counts/create-count";
import { createEvidenceRequest } from "@/lib/server/evidence/create-evidence-request";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { designateExhibit } from "@/lib/server/exhibits/designate-exhibit";
import { openExhibitFile } from "@/lib/server/exhibits/open-exhibit-file";
import { createPlaintiff } from "@/lib/server/plaintiffs/create-plaintiff";
import { exportExhibitList } from "@/lib/server/reports/exhibit-list";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";
import { makeExhibit } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam, validPlaintiffInput } from "@/lib/server/testing/fixtures";
import { validAllegationInput, validCountInput } from "@/lib/server/testing/ledger-fixtures";
import { seedDemo } from "@/prisma/seed";
import { latestMail } from "@/scripts/lib/mailbox";

const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// Every row must read as a registered label and a real sentence: a "—" means the writer and the
// registry disagree about the details' shape.
async function expectReadable(where: Prisma.AuditEventWhereInput) {
  const rows = await db.auditEvent.findMany({ where, orderBy: { id: "asc" } });
  expect(rows.length).toBeGreaterThan(0);
  const unreadable = rows
    .map((r) => ({ action: r.action, ...describeAuditEvent(r) }))
    .filter((d) => !isAuditAction(d.action) || d.sentence === "—" || d.label === d.action);
  expect(unreadable).toEqual([]);
  return rows;
}

describe("appendAudit", () => {
  it("refuses details that do not fit the action, and the mutation with it", async () => {
    const { matter, attorney } = await makeMatterWithTeam();
    const write = (details: unknown) =>
      db.$transaction(async (tx) => {
        await tx.matter.update({ where: { id: matter.id }, data: { caption: "Changed" } });
        await appendAudit(tx, attorney, { matterId: matter.id, action: "exhibit.export-list", entityId: matter.id, details: details as never });
      });
    await expect(write({ format: "docx", count: 1 })).rejects.toThrow(/exhibit\.export-list/);
    await expect(write({ format: "csv", count: 1, note: "extra" })).rejects.toThrow(/note/);
    await expect(write({})).rejects.toThrow();
    expect(await db.auditEvent.count({ where: { matterId: matter.id } })).toBe(0);
    expect((await db.matter.findUniqueOrThrow({ where: { id: matter.id } })).caption).toBe(matter.caption);

    await write({ format: "csv", count: 1 });
    expect(await db.auditEvent.findFirstOrThrow({ where: { matterId: matter.id } })).toMatchObject({ action: "exhibit.export-list", entityType: "Matter", actorId: attorney.userId, ip: "127.0.0.1" });
  });
});

describe("audit rows written by real use cases read back through describeAuditEvent", () => {
  it("ledger and exhibits", async () => {
    const { matter, attorney, paralegal } = await makeMatterWithTeam();
    await createPlaintiff(paralegal, matter.id, validPlaintiffInput());
    await createCount(paralegal, matter.id, validCountInput());
    const allegation = await createAllegation(paralegal, matter.id, validAllegationInput());
    await flagAllegation(paralegal, matter.id, allegation.id, { severity: "UNSUPPORTED", reason: "No capture yet" });
    const { exhibit } = await makeExhibit(paralegal, matter.id);
    // The same bytes twice: one exhibit, and an upload row that says it was a duplicate.
    await makeExhibit(paralegal, matter.id, { bytes: Buffer.from("dup") });
    await makeExhibit(paralegal, matter.id, { bytes: Buffer.from("dup") });
    await createEvidenceRequest(paralegal, matter.id, allegation.id, { description: "The HAR capture", dueOn: inFuture(7), submissionKey: crypto.randomUUID() });
    await linkEvidence(attorney, matter.id, allegation.id, { exhibitId: exhibit.id, relation: "SUPPORTS", pinCite: "entry 214", submissionKey: crypto.randomUUID() });
    await designateExhibit(attorney, matter.id, exhibit.id, {
      confidentiality: "AEO",
      privilege: "WORK_PRODUCT",
      privilegeBasis: "Expert analysis",
      reason: "Prepared for counsel",
      expectedUpdatedAt: (await db.exhibit.findUniqueOrThrow({ where: { id: exhibit.id } })).updatedAt.toISOString(),
    });
    await openExhibitFile(attorney, matter.id, exhibit.id, "download");
    await exportExhibitList(attorney, matter.id, "csv");

    const rows = await expectReadable({ matterId: matter.id });
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set(["plaintiff.create", "count.create", "allegation.create", "allegation.flag", "exhibit.upload", "evidence-request.create", "evidence.link", "exhibit.designate", "exhibit.download", "exhibit.export-list"]),
    );
    const designation = rows.find((r) => r.action === "exhibit.designate")!;
    expect(describeAuditEvent(designation).sentence).toBe(
      "Privilege: not privileged → work product. Confidentiality: confidential → highly confidential – aeo. Basis: “Expert analysis”. Reason: “Prepared for counsel”",
    );
  });

  it("claims: submission in one statement, the mailed link, and decisions", async () => {
    const { matter, attorney, paralegal } = await makeClaimMatter();
    const input = validClaimInput();
    const filed = await submitClaim(matter.slug, input, { ip: "203.0.113.5" });
    // The outbox keeps the body with the token redacted; the mailbox has the real link.
    const mail = await latestMail(env.MAIL_SINK_DIR, input.email);
    const user = await redeemSignInToken(/token=([\w-]+)/.exec(mail.text)![1]!, "203.0.113.6");
    expect(user).not.toBeNull();
    await recommendClaim(paralegal, matter.id, filed.claimId, { recommendation: "APPROVE", reason: "Looks genuine" });
    const other = await submitClaim(matter.slug, validClaimInput(), { ip: null });
    await markDeficient(paralegal, matter.id, other.claimId, { fields: ["addressLine1", "document"], notice: "Please give your full street address.", dueOn: inFuture(14) });
    await approveClaim(attorney, matter.id, filed.claimId, {});

    const rows = await expectReadable({ matterId: matter.id });
    expect(rows.map((r) => r.action)).toEqual(["claim.submit", "claim.verify-email", "claim.recommend", "claim.submit", "claim.mark-deficient", "claim.approve"]);
    expect(rows[1]).toMatchObject({ actorId: user!.id, ip: "203.0.113.6" });

    // Redeeming the link made the member's account and tied the filing to it: that is on record too.
    const [redeemed] = await expectReadable({ action: "user.redeem-sign-in-link", entityId: user!.id });
    expect(redeemed).toMatchObject({ actorId: user!.id, ip: "203.0.113.6", matterId: null, entityType: "User" });
    expect(redeemed!.details).toEqual({ email: input.email.toLowerCase(), createdAccount: true, linkedClaimants: 1, claimId: filed.claimId, signedIn: true });
    expect(describeAuditEvent(redeemed!).sentence).toBe(`${input.email.toLowerCase()}. Class-member account created. 1 claim filing tied to the account.`);
  });

  it("the demo seed", async () => {
    const seedDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
    try {
      const { matterId } = await seedDemo(seedDb);
      const rows = await expectReadable({ matterId });
      expect(new Set(rows.map((r) => r.action))).toEqual(new Set(["plaintiff.create", "exhibit.upload", "claim.submit", "count.create", "allegation.create", "evidence.link", "evidence-request.create", "claim.rescore", "chronology.create"]));
      // The seeded near twins carry their signals without anyone pressing "Re-score all".
      const twin = await db.claim.findFirstOrThrow({ where: { matterId, claimant: { fullName: "Morgon Diaz" } }, include: { signals: true } });
      expect(twin.fraudScore).toBeGreaterThan(0);
      expect(twin.signals.map((s) => s.kind)).toContain("NAME_DOB_NEAR_DUPLICATE");
    } finally {
      await seedDb.$disconnect();
    }
  });
});
