import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createAllegation } from "@/lib/server/allegations/create-allegation";
import { getAllegation } from "@/lib/server/allegations/get-allegation";
import { cancelEvidenceRequest } from "@/lib/server/evidence/cancel-evidence-request";
import { createEvidenceRequest } from "@/lib/server/evidence/create-evidence-request";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { findLinkableExhibits } from "@/lib/server/evidence/find-linkable-exhibits";
import { unlinkEvidence } from "@/lib/server/evidence/unlink-evidence";
import { addMember, makeMatter, makeMatterWithTeam, makeUser } from "@/lib/server/testing/fixtures";
import { makeLinkableExhibit, validAllegationInput } from "@/lib/server/testing/ledger-fixtures";
import { refusal } from "@/lib/server/testing/refusal";

async function setup() {
  const team = await makeMatterWithTeam();
  const allegation = await createAllegation(team.paralegal, team.matter.id, validAllegationInput());
  const exhibit = await makeLinkableExhibit(team.matter.id, team.attorney);
  return { ...team, allegation, exhibit };
}

const linkInput = (exhibitId: string, extra: Record<string, unknown> = {}) => ({
  exhibitId,
  relation: "SUPPORTS",
  pinCite: "HAR entry 214",
  excerpt: "POST https://umeng.com/app_logs",
  submissionKey: crypto.randomUUID(),
  ...extra,
});

describe("evidence links", () => {
  it("links with a pin cite and excerpt, audited in the same transaction; unlinking keeps the row and the reason", async () => {
    const { matter, paralegal, attorney, allegation, exhibit } = await setup();
    const link = await linkEvidence(attorney, matter.id, allegation.id, linkInput(exhibit.id));
    expect(link).toMatchObject({ relation: "SUPPORTS", pinCite: "HAR entry 214", matterId: matter.id });
    await unlinkEvidence(paralegal, matter.id, link.id, { reason: "Capture is from a different app version" });
    const row = await db.evidenceLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row).toMatchObject({ removedById: paralegal.userId, removalReason: "Capture is from a different app version" });
    const actions = (await db.auditEvent.findMany({ where: { entityId: link.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["evidence.link", "evidence.unlink"]);
    expect((await refusal(unlinkEvidence(paralegal, matter.id, link.id, { reason: "again" }))).code).toBe("CONFLICT");
  });

  it("refuses an unlink without a reason", async () => {
    const { matter, attorney, allegation, exhibit } = await setup();
    const link = await linkEvidence(attorney, matter.id, allegation.id, linkInput(exhibit.id));
    expect((await refusal(unlinkEvidence(attorney, matter.id, link.id, {}))).fieldErrors.reason).toBeDefined();
  });

  it("refuses an exhibit of another matter as a field error, even for a member of both", async () => {
    const { matter, attorney, allegation } = await setup();
    const other = await makeMatter();
    await addMember(attorney, other.id, "ATTORNEY");
    const foreign = await makeLinkableExhibit(other.id, attorney);
    const error = await refusal(linkEvidence(attorney, matter.id, allegation.id, linkInput(foreign.id)));
    expect(error.fieldErrors.exhibitId).toEqual(["Choose an exhibit of this matter"]);
    expect(await db.evidenceLink.count({ where: { allegationId: allegation.id } })).toBe(0);
    expect((await findLinkableExhibits(attorney, matter.id, {})).map((x) => x.id)).not.toContain(foreign.id);
  });

  it("the database refuses a cross-matter link even if a use case forgot to check", async () => {
    const { matter, attorney, allegation } = await setup();
    const other = await makeMatter();
    const foreign = await makeLinkableExhibit(other.id, attorney);
    await expect(
      db.evidenceLink.create({ data: { matterId: matter.id, allegationId: allegation.id, exhibitId: foreign.id, relation: "SUPPORTS", createdById: attorney.userId } }),
    ).rejects.toThrow();
  });

  it("refuses an unknown relation and a missing exhibit", async () => {
    const { matter, attorney, allegation, exhibit } = await setup();
    const error = await refusal(linkEvidence(attorney, matter.id, allegation.id, linkInput(exhibit.id, { relation: "PROVES", exhibitId: undefined })));
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["exhibitId", "relation"]);
  });
});

describe("evidence requests", () => {
  it("opens a request assigned to a matter member; linking the answering exhibit fulfils it", async () => {
    const { matter, paralegal, attorney, allegation, exhibit } = await setup();
    const request = await createEvidenceRequest(paralegal, matter.id, allegation.id, {
      description: "Network capture showing umeng.com traffic, April 2019",
      assigneeId: attorney.userId,
      dueOn: "2999-01-31",
      submissionKey: crypto.randomUUID(),
    });
    expect(request.status).toBe("OPEN");
    await linkEvidence(attorney, matter.id, allegation.id, linkInput(exhibit.id, { requestId: request.id }));
    const fulfilled = await db.evidenceRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(fulfilled).toMatchObject({ status: "FULFILLED", fulfilledByExhibitId: exhibit.id });
    expect(fulfilled.closedAt).not.toBeNull();
    const { support } = await getAllegation(attorney, matter.id, allegation.id);
    expect(support.status).toBe("SUPPORTED");
    // A closed request cannot be fulfilled or cancelled again.
    const again = await refusal(linkEvidence(attorney, matter.id, allegation.id, linkInput(exhibit.id, { requestId: request.id })));
    expect(again.fieldErrors.requestId).toEqual(["That request is no longer open"]);
    expect((await refusal(cancelEvidenceRequest(attorney, matter.id, request.id, { reason: "No longer needed" }))).code).toBe("CONFLICT");
  });

  it("refuses an assignee who is not a member of the matter, a past due date, and no description", async () => {
    const { matter, paralegal, outsider, allegation } = await setup();
    const notMember = await refusal(
      createEvidenceRequest(paralegal, matter.id, allegation.id, { description: "Capture", assigneeId: outsider.userId, submissionKey: crypto.randomUUID() }),
    );
    expect(notMember.fieldErrors.assigneeId).toEqual(["Choose a member of this matter"]);
    const bad = await refusal(createEvidenceRequest(paralegal, matter.id, allegation.id, { description: "", dueOn: "2001-01-01", submissionKey: crypto.randomUUID() }));
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["description", "dueOn"]);
    expect(await db.evidenceRequest.count({ where: { matterId: matter.id } })).toBe(0);
  });

  it("cancels with a reason, audited; refuses a request of another allegation as the one a link fulfils", async () => {
    const { matter, paralegal, allegation, exhibit } = await setup();
    const request = await createEvidenceRequest(paralegal, matter.id, allegation.id, { description: "Capture", submissionKey: crypto.randomUUID() });
    const other = await createAllegation(paralegal, matter.id, validAllegationInput({ paragraph: 99 }));
    const wrong = await refusal(linkEvidence(paralegal, matter.id, other.id, linkInput(exhibit.id, { requestId: request.id })));
    expect(wrong.fieldErrors.requestId).toBeDefined();
    expect((await refusal(cancelEvidenceRequest(paralegal, matter.id, request.id, {}))).fieldErrors.reason).toBeDefined();
    await cancelEvidenceRequest(paralegal, matter.id, request.id, { reason: "Superseded by the MDL discovery plan" });
    expect(await db.evidenceRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "CANCELLED", cancelReason: "Superseded by the MDL discovery plan" });
    expect(await db.auditEvent.count({ where: { entityId: request.id, action: "evidence-request.cancel" } })).toBe(1);
  });

  it("a request assigned to a user who later joins only another matter is still refused", async () => {
    const { matter, paralegal, allegation } = await setup();
    const stranger = await makeUser("STAFF", "Stranger");
    const elsewhere = await makeMatter();
    await addMember(stranger, elsewhere.id, "PARALEGAL");
    const error = await refusal(createEvidenceRequest(paralegal, matter.id, allegation.id, { description: "Capture", assigneeId: stranger.userId, submissionKey: crypto.randomUUID() }));
    expect(error.fieldErrors.assigneeId).toBeDefined();
  });
});
