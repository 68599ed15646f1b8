import { describe, expect, it } from "vitest";
import { claimMilestoneFacts } from "@/lib/chronology/claim-milestones";
import { submitClaim } from "@/lib/server/claims/submit-claim";
import { addClaimMilestones } from "@/lib/server/chronology/add-claim-milestones";
import { exportChronology } from "@/lib/server/chronology/export-chronology";
import { listChronology } from "@/lib/server/chronology/list-chronology";
import { updateFact } from "@/lib/server/chronology/update-fact";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { makeClaimMatter, validClaimInput } from "@/lib/server/testing/claim-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { refusal } from "@/lib/server/testing/refusal";

describe("claim milestone facts (pure)", () => {
  it("says each settlement date and counts claims per day with a running total, naming no one", () => {
    const facts = claimMilestoneFacts({
      timeZone: "America/Los_Angeles",
      claimDeadline: "2026-03-01",
      optOutDeadline: null,
      objectionDeadline: "2026-02-15",
      // 18:00 UTC on Mar 10 is 11:00 PDT (DST has begun).
      finalApprovalHearingAt: new Date("2026-03-10T18:00:00Z"),
      filedPerDay: [
        { day: "2026-01-05", count: 1 },
        { day: "2026-01-06", count: 1200 },
      ],
    });
    expect(facts.map((f) => [f.key, f.startDate.toISOString().slice(0, 10), f.description])).toEqual([
      ["claims:claim-deadline", "2026-03-01", "Claim deadline: claims must be filed by the end of March 1, 2026 (America/Los_Angeles)"],
      ["claims:objection-deadline", "2026-02-15", "Objection deadline: objections close at the end of February 15, 2026 (America/Los_Angeles)"],
      ["claims:final-approval-hearing", "2026-03-10", "Final approval hearing, March 10, 2026 at 11:00 AM PDT"],
      ["claims:claims-filed:2026-01-05", "2026-01-05", "1 claim filed (1 to date)"],
      ["claims:claims-filed:2026-01-06", "2026-01-06", "1,200 claims filed (1,201 to date)"],
    ]);
  });
});

describe("Add claim milestones", () => {
  it("adds the settlement dates and one fact per day of filings, once; a changed date updates its fact", async () => {
    const { matter, paralegal, attorney } = await makeClaimMatter();
    await db.matter.update({
      where: { id: matter.id },
      data: { optOutDeadline: new Date("2099-02-01T00:00:00Z"), objectionDeadline: new Date("2099-02-01T00:00:00Z"), finalApprovalHearingAt: new Date("2099-04-02T17:30:00Z") },
    });
    const filed = [];
    for (let i = 0; i < 3; i++) filed.push(await submitClaim(matter.slug, validClaimInput(), { ip: null }));
    // Two claims on one day where the matter is (LA), one the next: 06:30 UTC on the 6th is still the 5th there.
    await db.claim.update({ where: { id: filed[0]!.claimId }, data: { createdAt: new Date("2026-01-05T18:00:00Z") } });
    await db.claim.update({ where: { id: filed[1]!.claimId }, data: { createdAt: new Date("2026-01-06T06:30:00Z") } });
    await db.claim.update({ where: { id: filed[2]!.claimId }, data: { createdAt: new Date("2026-01-06T20:00:00Z") } });

    expect(await addClaimMilestones(paralegal, matter.id)).toEqual({ created: 6, updated: 0, existing: 0 });
    expect(await addClaimMilestones(paralegal, matter.id)).toEqual({ created: 0, updated: 0, existing: 6 });
    expect(await db.chronologyFact.count({ where: { matterId: matter.id } })).toBe(6);

    const { rows } = await listChronology(paralegal, matter.id, { source: "CLAIMS" });
    expect(rows.map((r) => r.description)).toEqual([
      "2 claims filed (2 to date)",
      "1 claim filed (3 to date)",
      "Opt-out deadline: requests for exclusion close at the end of February 1, 2099 (America/Los_Angeles)",
      "Objection deadline: objections close at the end of February 1, 2099 (America/Los_Angeles)",
      "Claim deadline: claims must be filed by the end of March 1, 2099 (America/Los_Angeles)",
      "Final approval hearing, April 2, 2099 at 10:30 AM PDT",
    ]);
    expect(rows[0]!.sources).toEqual([{ kind: "CLAIMS", label: "Claims administration: claims filed", href: `/matters/${matter.id}/claims`, privileged: false }]);
    expect(rows.every((r) => !r.unsupported && r.generated)).toBe(true);
    // Aggregates only: nothing a claimant typed reaches the chronology.
    const claimants = await db.claimant.findMany({ where: { matterId: matter.id } });
    const everything = JSON.stringify(await db.chronologyFact.findMany({ where: { matterId: matter.id }, include: { sources: true } }));
    for (const c of claimants) for (const v of [c.email, c.fullName]) expect(everything).not.toContain(v);
    for (const f of filed) expect(everything).not.toContain(f.number);

    // The source filter and the exports know the new kind.
    expect((await listChronology(paralegal, matter.id, { source: "EXHIBIT" })).rows).toHaveLength(0);
    const csv = (await exportChronology(paralegal, matter.id, "csv", { source: "CLAIMS" })).body.toString("utf8");
    expect(csv).toContain("Claims administration: claim deadline");
    expect(csv).toContain("2 claims filed (2 to date)");
    expect((await exportChronology(attorney, matter.id, "pdf", { source: "CLAIMS" })).body.subarray(0, 5).toString()).toBe("%PDF-");

    // The objection deadline moves and one more claim arrives on the 6th: two facts updated, audited.
    await db.matter.update({ where: { id: matter.id }, data: { objectionDeadline: new Date("2099-02-08T00:00:00Z") } });
    const late = await submitClaim(matter.slug, validClaimInput(), { ip: null });
    await db.claim.update({ where: { id: late.claimId }, data: { createdAt: new Date("2026-01-06T21:00:00Z") } });
    expect(await addClaimMilestones(paralegal, matter.id)).toEqual({ created: 0, updated: 2, existing: 4 });
    const objection = await db.chronologyFact.findFirstOrThrow({ where: { matterId: matter.id, generatedKey: "claims:objection-deadline" }, include: { sources: true } });
    expect(objection.startDate.toISOString().slice(0, 10)).toBe("2099-02-08");
    expect(objection.sources).toHaveLength(1);
    const day6 = await db.chronologyFact.findFirstOrThrow({ where: { matterId: matter.id, generatedKey: "claims:claims-filed:2026-01-06" }, include: { sources: true } });
    expect(day6.description).toBe("2 claims filed (4 to date)");
    expect(day6.sources[0]).toMatchObject({ kind: "CLAIMS", milestone: "claims-filed", claimCount: 2 });
    const update = await db.auditEvent.findFirstOrThrow({ where: { entityId: objection.id, action: "chronology.update" } });
    expect(update.details).toMatchObject({ before: { date: "February 1, 2099" }, after: { date: "February 8, 2099" } });
    const builds = await db.auditEvent.findMany({ where: { matterId: matter.id, action: "chronology.build" }, orderBy: { id: "asc" } });
    expect(builds.map((b) => b.details)).toEqual([
      { from: "claims", created: 6, existing: 0, updated: 0 },
      { from: "claims", created: 0, existing: 6, updated: 0 },
      { from: "claims", created: 0, existing: 4, updated: 2 },
    ]);

    // Editing a milestone fact by hand keeps its claims-administration source.
    await updateFact(paralegal, matter.id, objection.id, { precision: "DAY", start: "2099-02-08", description: "Objections due.", disputed: "false" });
    expect(await db.chronologySource.count({ where: { factId: objection.id, kind: "CLAIMS" } })).toBe(1);
  });

  it("uses the matter's own claim deadline when it has no claim form, and adds nothing when no date is set", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    await db.matter.update({ where: { id: matter.id }, data: { claimForm: Prisma.DbNull, claimDeadline: null, optOutDeadline: null, objectionDeadline: null, finalApprovalHearingAt: null } });
    expect(await addClaimMilestones(paralegal, matter.id)).toEqual({ created: 0, updated: 0, existing: 0 });
    await db.matter.update({ where: { id: matter.id }, data: { claimDeadline: new Date("2030-05-01T00:00:00Z") } });
    expect(await addClaimMilestones(paralegal, matter.id)).toEqual({ created: 1, updated: 0, existing: 0 });
  });

  it("refuses a user of another matter, an admin who is not a member and a class member (404), adding nothing", async () => {
    const { matter, outsider, admin, member } = await makeClaimMatter();
    const other = await makeMatterWithTeam();
    for (const actor of [outsider, admin, member, other.paralegal]) {
      expect((await refusal(addClaimMilestones(actor, matter.id))).code).toBe("NOT_FOUND");
    }
    expect(await db.chronologyFact.count({ where: { matterId: matter.id } })).toBe(0);
  });
});
