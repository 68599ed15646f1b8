import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { flagAllegation } from "@/lib/server/allegations/flag-allegation";
import { clearFlag } from "@/lib/server/allegations/clear-flag";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { unlinkEvidence } from "@/lib/server/evidence/unlink-evidence";
import { supportOf } from "@/lib/server/ledger/support-status";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { makeLinkableExhibit, validAllegationInput } from "@/lib/server/testing/ledger-fixtures";

async function setup() {
  const team = await makeMatterWithTeam();
  const allegation = await createAllegation(team.paralegal, team.matter.id, validAllegationInput());
  const status = async () => (await supportOf(db, [allegation.id])).get(allegation.id)!.status;
  const link = async (actor: Actor, relation: string, privilege: "NONE" | "ATTORNEY_CLIENT" | "WORK_PRODUCT" = "NONE") => {
    const exhibit = await makeLinkableExhibit(team.matter.id, actor, { privilege });
    return linkEvidence(actor, team.matter.id, allegation.id, { exhibitId: exhibit.id, relation, submissionKey: crypto.randomUUID() });
  };
  return { ...team, allegation, status, link };
}

describe("derived support status (one SQL view)", () => {
  it("is UNSUPPORTED with no links", async () => {
    const { status } = await setup();
    expect(await status()).toBe("UNSUPPORTED");
  });

  it("is SUPPORTED with one SUPPORTS link from a non-privileged exhibit", async () => {
    const { status, link, attorney } = await setup();
    await link(attorney, "SUPPORTS");
    expect(await status()).toBe("SUPPORTED");
  });

  it("is PARTIAL when the only support is privileged (attorney-client or work product)", async () => {
    const { status, link, attorney } = await setup();
    await link(attorney, "SUPPORTS", "ATTORNEY_CLIENT");
    expect(await status()).toBe("PARTIAL");
    await link(attorney, "SUPPORTS", "WORK_PRODUCT");
    expect(await status()).toBe("PARTIAL");
    await link(attorney, "SUPPORTS", "NONE");
    expect(await status()).toBe("SUPPORTED");
  });

  it("is CONTRADICTED with CONTRADICTS links and no SUPPORTS", async () => {
    const { status, link, paralegal } = await setup();
    await link(paralegal, "CONTRADICTS");
    expect(await status()).toBe("CONTRADICTED");
  });

  it("is not CONTRADICTED once any SUPPORTS link exists (privileged support makes it PARTIAL)", async () => {
    const { status, link, paralegal } = await setup();
    await link(paralegal, "CONTRADICTS");
    await link(paralegal, "SUPPORTS", "WORK_PRODUCT");
    expect(await status()).toBe("PARTIAL");
    await link(paralegal, "SUPPORTS");
    expect(await status()).toBe("SUPPORTED");
  });

  it("ignores CONTEXT links", async () => {
    const { status, link, paralegal } = await setup();
    await link(paralegal, "CONTEXT");
    expect(await status()).toBe("UNSUPPORTED");
  });

  it("ignores removed links: unlinking the only support returns it to UNSUPPORTED", async () => {
    const { status, link, paralegal, matter } = await setup();
    const l = await link(paralegal, "SUPPORTS");
    expect(await status()).toBe("SUPPORTED");
    await unlinkEvidence(paralegal, matter.id, l.id, { reason: "Wrong exhibit" });
    expect(await status()).toBe("UNSUPPORTED");
  });

  it("a WEAK flag makes non-privileged support PARTIAL until the flag is cleared", async () => {
    const { status, link, paralegal, matter, allegation } = await setup();
    await link(paralegal, "SUPPORTS");
    await flagAllegation(paralegal, matter.id, allegation.id, { severity: "WEAK", reason: "Only a screenshot, no capture" });
    expect(await status()).toBe("PARTIAL");
    await clearFlag(paralegal, matter.id, allegation.id, { reason: "Network capture now linked" });
    expect(await status()).toBe("SUPPORTED");
  });

  it("a WEAK flag with no support at all leaves it UNSUPPORTED, and with only contradictions CONTRADICTED", async () => {
    const { status, link, paralegal, matter, allegation } = await setup();
    await flagAllegation(paralegal, matter.id, allegation.id, { severity: "WEAK", reason: "Thin" });
    expect(await status()).toBe("UNSUPPORTED");
    await link(paralegal, "CONTRADICTS");
    expect(await status()).toBe("CONTRADICTED");
  });

  it("an UNSUPPORTED flag does not change the status; a usable SUPPORTS link answers and clears it", async () => {
    const { status, link, paralegal, attorney, matter, allegation } = await setup();
    await flagAllegation(paralegal, matter.id, allegation.id, { severity: "UNSUPPORTED", reason: "No document attached" });
    expect(await status()).toBe("UNSUPPORTED");
    await link(attorney, "SUPPORTS", "ATTORNEY_CLIENT");
    expect((await db.allegation.findUniqueOrThrow({ where: { id: allegation.id } })).flagSeverity).toBe("UNSUPPORTED");
    await link(attorney, "SUPPORTS");
    expect(await status()).toBe("SUPPORTED");
    expect((await db.allegation.findUniqueOrThrow({ where: { id: allegation.id } })).flagSeverity).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { matterId: matter.id, action: "evidence.link" }, orderBy: { id: "desc" } });
    expect(event.details).toMatchObject({ clearedFlag: { severity: "UNSUPPORTED", reason: "No document attached" } });
  });

  it("is not a column anyone can write: the Allegation table has no status field", async () => {
    const columns = await db.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'Allegation'`;
    expect(columns.map((c) => c.column_name)).not.toContain("status");
  });
});
