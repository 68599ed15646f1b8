import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-complaint-${process.pid}-${Date.now()}`;
});

import { complaintPinCite } from "@/lib/complaint/labels";
import { amendComplaint, generateComplaint } from "@/lib/complaint/testing/complaint-model";
import { writeComplaintWithPdfKit, writeImageOnlyPdf, type WrittenComplaint } from "@/lib/complaint/testing/pleading-writers";
import type { Actor } from "@/lib/server/auth/actor";
import { listAllegationsForApi } from "@/lib/server/api/list-allegations";
import { acceptProposal } from "@/lib/server/complaints/accept-proposal";
import { flagAllegation } from "@/lib/server/allegations/flag-allegation";
import { applyAmendment } from "@/lib/server/complaints/apply-amendment";
import { dropProposal } from "@/lib/server/complaints/drop-proposal";
import { getComplaintImport } from "@/lib/server/complaints/get-complaint-import";
import { listComplaintImports } from "@/lib/server/complaints/list-complaint-imports";
import { mergeProposal } from "@/lib/server/complaints/merge-proposal";
import { unsafeRunComplaintImport } from "@/lib/server/complaints/run-complaint-import";
import { splitProposal } from "@/lib/server/complaints/split-proposal";
import { startComplaintImport } from "@/lib/server/complaints/start-complaint-import";
import { db } from "@/lib/server/db";
import { createEvidenceRequest } from "@/lib/server/evidence/create-evidence-request";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { getCoverage } from "@/lib/server/ledger/get-coverage";
import { getGapReport } from "@/lib/server/ledger/get-gap-report";
import { listLedger } from "@/lib/server/ledger/list-ledger";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { makeLinkableExhibit } from "@/lib/server/testing/ledger-fixtures";
import { refusal } from "@/lib/server/testing/refusal";

// From a complaint exhibit to reviewed allegations: a generated 40-page pleading-paper complaint
// is split in the parser sandbox, ten ¶s accepted (two edited), one dropped; then an amended
// complaint is imported and shows what changed against the ledger.

async function importComplaint(actor: Actor, matterId: string, written: WrittenComplaint, fileName: string) {
  const { exhibit } = await ingestExhibit(actor, matterId, { body: [written.bytes], fileName });
  const { importId } = await startComplaintImport(actor, matterId, { exhibitId: exhibit.id, submissionKey: randomUUID() });
  await unsafeRunComplaintImport(importId);
  return getComplaintImport(actor, matterId, importId);
}

describe("complaint import", () => {
  const model = generateComplaint({ paragraphs: 330, footnoteEvery: 9 });
  let team: Awaited<ReturnType<typeof makeMatterWithTeam>>;
  let written: WrittenComplaint;
  let first: Awaited<ReturnType<typeof getComplaintImport>>;

  beforeAll(async () => {
    team = await makeMatterWithTeam();
    written = await writeComplaintWithPdfKit(model);
    first = await importComplaint(team.paralegal, team.matter.id, written, "complaint.pdf");
  }, 120_000);

  it("splits a 40-page complaint into its ¶s with page:line pin cites, and nothing enters the ledger unreviewed", async () => {
    expect(written.pages).toBeGreaterThanOrEqual(40);
    expect(first.status).toBe("PARSED");
    expect(first.pageCount).toBe(written.pages);
    expect(first.pageTexts).toHaveLength(written.pages);
    expect(first.proposals).toHaveLength(330);
    expect(first.proposals.map((p) => complaintPinCite(p.label, p.page, p.line))).toEqual(written.expected.map((e) => complaintPinCite(e.label, e.page, e.line)));
    expect(first.proposals.every((p) => p.change === "ADDED" && p.decision === "PENDING")).toBe(true);
    expect((await listLedger(team.attorney, team.matter.id, {})).total).toBe(0);
    const listed = await listComplaintImports(team.attorney, team.matter.id);
    expect(listed.imports.map((i) => i.id)).toEqual([first.id]);
    expect(listed.exhibits.map((e) => e.id)).toContain(first.exhibit.id);
  });

  it("accepts ten ¶s (two edited) and drops one: ledger rows with label, pin cite and heading, each audited", async () => {
    const [p1, ...rest] = first.proposals;
    const actor = team.paralegal;
    const matterId = team.matter.id;
    await acceptProposal(actor, matterId, p1!.id, { text: `${p1!.text} (As reviewed.)` });
    for (const p of rest.slice(0, 9)) {
      await acceptProposal(actor, matterId, p.id, p.label === "9" ? { kind: "GENERAL" } : {});
    }
    // A second submit of the same accept makes no second allegation.
    await acceptProposal(actor, matterId, rest[0]!.id, {});
    await dropProposal(actor, matterId, rest[9]!.id, { reason: "Duplicates ¶ 5." });

    const allegations = await db.allegation.findMany({ where: { matterId }, orderBy: { paragraphSortKey: "asc" }, include: { dataTransfer: true } });
    expect(allegations.map((a) => a.paragraphLabel)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(allegations.map((a) => [a.complaintPage, a.complaintLine])).toEqual(written.expected.slice(0, 10).map((e) => [e.page, e.line]));
    expect(allegations[0]!.text).toMatch(/\(As reviewed\.\)$/);
    expect(allegations[8]!.kind).toBe("GENERAL");
    expect(allegations[2]!.heading).toBe("A. The App Sends Data Abroad");
    const transfer = allegations.find((a) => a.kind === "DATA_TRANSFER" && a.text.includes("servers at umeng.com"))!;
    expect(transfer.dataTransfer).toMatchObject({ destinationHost: "umeng.com", recipientOrg: "Alibaba Group", destinationCountry: "CN" });

    const audit = await db.auditEvent.findMany({ where: { matterId, action: { startsWith: "complaint-proposal." } } });
    const accepts = audit.filter((e) => e.action === "complaint-proposal.accept");
    expect(accepts).toHaveLength(10);
    expect(accepts.filter((e) => ((e.details as { edited: string[] }).edited.length > 0)).map((e) => (e.details as { edited: string[] }).edited).sort()).toEqual([["kind"], ["text"]]);
    expect(audit.filter((e) => e.action === "complaint-proposal.drop")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { matterId, action: "allegation.create" } })).toBe(10);
    expect(await db.auditEvent.count({ where: { matterId, action: "complaint-import.start" } })).toBe(1);

    const after = await getComplaintImport(team.attorney, matterId, first.id);
    expect(after.counts).toEqual({ PENDING: 319, ACCEPTED: 10, DROPPED: 1, MERGED: 0 });
    // Decided ¶s stay decided.
    expect(await refusal(dropProposal(actor, matterId, p1!.id, {}))).toMatchObject({ code: "CONFLICT" });
  });

  it("merges and splits pending proposals, audited", async () => {
    const matterId = team.matter.id;
    const [a, b] = first.proposals.slice(20, 22);
    await mergeProposal(team.attorney, matterId, b!.id, {});
    const merged = await db.complaintProposal.findUniqueOrThrow({ where: { id: a!.id } });
    expect(merged.text).toBe(`${a!.text} ${b!.text}`);
    const { newProposalId } = await splitProposal(team.attorney, matterId, a!.id, { at: a!.text.length, label: "21a" });
    expect((await db.complaintProposal.findUniqueOrThrow({ where: { id: a!.id } })).text).toBe(a!.text);
    expect(await db.complaintProposal.findUniqueOrThrow({ where: { id: newProposalId } })).toMatchObject({ label: "21a", text: b!.text, decision: "PENDING" });
    expect(await db.auditEvent.count({ where: { matterId, action: { in: ["complaint-proposal.merge", "complaint-proposal.split"] } } })).toBe(2);
  });

  it("ties a ¶ under a COUNT heading to the elements of that count the reviewer chooses", async () => {
    const matterId = team.matter.id;
    const count = await db.count.create({
      data: { matterId, number: 1, title: "Computer Fraud and Abuse Act", statute: "18 U.S.C. § 1030", elements: { create: [{ position: 1, text: "Access to a protected computer" }, { position: 2, text: "Without authorization" }] } },
      include: { elements: { orderBy: { position: "asc" } } },
    });
    const underCount = first.proposals.find((p) => p.countNumber === 1 && p.kind === "DATA_TRANSFER")!;
    const view = await getComplaintImport(team.attorney, matterId, first.id);
    expect(view.matterCounts.map((c) => c.number)).toEqual([1]);
    const { allegationId } = await acceptProposal(team.attorney, matterId, underCount.id, { elementIds: [count.elements[1]!.id] });
    expect(await db.allegationElement.findMany({ where: { allegationId }, select: { elementId: true } })).toEqual([{ elementId: count.elements[1]!.id }]);
    const other = await makeMatterWithTeam();
    const foreign = await db.count.create({ data: { matterId: other.matter.id, number: 1, title: "Other", elements: { create: [{ position: 1, text: "Elsewhere" }] } }, include: { elements: true } });
    const next = first.proposals.find((p) => p.countNumber === 1 && p.decision === "PENDING" && p.id !== underCount.id)!;
    expect(await refusal(acceptProposal(team.attorney, matterId, next.id, { elementIds: [foreign.elements[0]!.id] }))).toMatchObject({ code: "VALIDATION" });
  });

  it("shows, for an amended complaint, which ¶s were added, removed, renumbered and reworded against the ledger", async () => {
    const amended = await writeComplaintWithPdfKit(amendComplaint(model));
    const second = await importComplaint(team.attorney, team.matter.id, amended, "amended-complaint.pdf");
    const byLabel = new Map(second.proposals.map((p) => [p.label, p]));
    const ledger = new Map((await db.allegation.findMany({ where: { matterId: team.matter.id } })).map((a) => [a.id, a.paragraphLabel]));
    const diff = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"].map((label) => {
      const p = byLabel.get(label)!;
      return [label, p.change, p.matchedAllegationId ? ledger.get(p.matchedAllegationId) : null];
    });
    expect(diff).toEqual([
      // The ledger's ¶ 1 was edited on review, so the complaint's words now differ from it.
      ["1", "REWORDED", "1"],
      ["2", "RENUMBERED", "3"],
      ["3", "RENUMBERED", "4"],
      ["4", "RENUMBERED", "5"],
      ["5", "RENUMBERED", "6"],
      ["6", "ADDED", null],
      ["7", "UNCHANGED", "7"],
      ["8", "REWORDED", "8"],
      ["9", "UNCHANGED", "9"],
      ["10", "UNCHANGED", "10"],
      ["11", "ADDED", null],
    ]);
    expect(second.removed.map((r) => r.paragraphLabel)).toEqual(["2"]);

    // Accepting a matched ¶ updates its allegation in place: no new row.
    const before = await db.allegation.count({ where: { matterId: team.matter.id } });
    const reworded = byLabel.get("8")!;
    const { allegationId } = await acceptProposal(team.attorney, team.matter.id, reworded.id, {});
    expect(allegationId).toBe(reworded.matchedAllegationId);
    expect((await db.allegation.findUniqueOrThrow({ where: { id: allegationId } })).text).toMatch(/in May 2019/);
    expect(await db.allegation.count({ where: { matterId: team.matter.id } })).toBe(before);

    // The renumbering cannot be accepted ¶ by ¶: ¶ 2 of the amendment is the ledger's ¶ 3, and the
    // ledger's ¶ 2 (removed) still holds the number.
    const matterId = team.matter.id;
    const old = new Map((await db.allegation.findMany({ where: { matterId } })).map((a) => [a.paragraphLabel, a]));
    expect(await refusal(acceptProposal(team.attorney, matterId, byLabel.get("2")!.id, {}))).toMatchObject({ code: "VALIDATION" });
    // Evidence linked before the amendment: ¶ 3 and ¶ 6 are proven, removed ¶ 2 has only context.
    const exhibit = await makeLinkableExhibit(matterId, team.attorney);
    for (const [label, relation] of [["2", "CONTEXT"], ["3", "SUPPORTS"], ["6", "SUPPORTS"]] as const) {
      await linkEvidence(team.attorney, matterId, old.get(label)!.id, { exhibitId: exhibit.id, relation, submissionKey: randomUUID() });
    }
    const removed2 = old.get("2")!;
    const review = await getComplaintImport(team.attorney, matterId, second.id);
    expect(review.amendment).toMatchObject({ renumbered: 4, reworded: 1, duplicateLabels: [], holders: [{ id: removed2.id, paragraphLabel: "2" }] });
    expect(review.removed.map((r) => r.id)).toEqual([removed2.id]);
    // Applying without withdrawing ¶ 2 would collide with it.
    expect(await refusal(applyAmendment(team.paralegal, matterId, second.id, {}))).toMatchObject({ code: "VALIDATION", fieldErrors: { withdraw: [expect.stringMatching(/¶ 2 is still held/)] } });
    const gapBefore = (await getGapReport(team.attorney, matterId)).rows.map((r) => r.id);
    expect(gapBefore).toContain(removed2.id);
    const coverageBefore = await getCoverage(team.attorney, matterId);

    const applied = await applyAmendment(team.paralegal, matterId, second.id, { withdraw: [removed2.id] });
    expect(applied).toEqual({ applied: review.amendment.applicable, renumbered: 4, reworded: 1, withdrawn: 1 });
    const now = new Map((await db.allegation.findMany({ where: { matterId } })).map((a) => [a.id, a]));
    // The chain 3→2, 4→3, 5→4, 6→5 in one go; ¶ 1 takes the complaint's words again (the review edit is gone).
    expect(["3", "4", "5", "6"].map((l) => now.get(old.get(l)!.id)!.paragraphLabel)).toEqual(["2", "3", "4", "5"]);
    expect(now.get(old.get("1")!.id)!.text).toBe(byLabel.get("1")!.text);
    expect(now.get(old.get("4")!.id)!).toMatchObject({ complaintPage: byLabel.get("3")!.page, complaintLine: byLabel.get("3")!.line, paragraph: 3, paragraphSortKey: 3000 });
    // Links stay with their allegations, the withdrawn one's too.
    const links = await db.evidenceLink.findMany({ where: { matterId, exhibitId: exhibit.id, removedAt: null }, select: { allegationId: true } });
    expect(links.map((l) => l.allegationId).sort()).toEqual([removed2.id, old.get("3")!.id, old.get("6")!.id].sort());
    expect(now.get(removed2.id)).toMatchObject({ paragraphLabel: "2", withdrawnById: team.paralegal.userId, withdrawnByImportId: second.id });
    expect(now.get(removed2.id)!.withdrawnAt).toBeInstanceOf(Date);
    const proposalsNow = await db.complaintProposal.findMany({ where: { importId: second.id, matchedAllegationId: { not: null } } });
    expect(proposalsNow.every((p) => p.decision === "ACCEPTED" && p.allegationId === p.matchedAllegationId)).toBe(true);

    // The withdrawn allegation leaves the ledger, the gap report, the coverage counts and the
    // later import's "removed" list; the ledger shows it on request.
    const listed = await listLedger(team.attorney, matterId, {});
    expect(listed.rows.map((r) => r.id)).not.toContain(removed2.id);
    expect(listed.total).toBe(before - 1);
    const withWithdrawn = await listLedger(team.attorney, matterId, { withdrawn: "show" });
    expect(withWithdrawn.rows.find((r) => r.id === removed2.id)?.withdrawnAt).toBeInstanceOf(Date);
    expect((await getGapReport(team.attorney, matterId)).rows.map((r) => r.id)).not.toContain(removed2.id);
    expect((await getCoverage(team.attorney, matterId)).total).toBe(coverageBefore.total - 1);
    expect((await getComplaintImport(team.attorney, matterId, second.id)).removed).toEqual([]);

    // Audited: the import's summary, each changed allegation's old and new ¶, the withdrawal.
    expect(await db.auditEvent.findFirst({ where: { matterId, action: "complaint-import.apply-amendment" }, select: { entityId: true, details: true } })).toMatchObject({
      entityId: second.id,
      details: { renumbered: 4, reworded: 1, withdrawn: 1 },
    });
    const moved = await db.auditEvent.findFirstOrThrow({ where: { matterId, action: "allegation.update", entityId: old.get("3")!.id }, orderBy: { id: "desc" } });
    expect(moved.details).toMatchObject({ before: { paragraph: "3" }, after: { paragraph: "2" } });
    expect(await db.auditEvent.count({ where: { matterId, action: "allegation.withdraw", entityId: removed2.id } })).toBe(1);

    // A second submit of the same form changes nothing and logs nothing.
    const state = async () => [await db.allegation.findMany({ where: { matterId }, orderBy: { id: "asc" } }), await db.auditEvent.count({ where: { matterId } })];
    const settled = await state();
    expect(await applyAmendment(team.paralegal, matterId, second.id, { withdraw: [removed2.id] })).toEqual({ applied: 0, renumbered: 0, reworded: 0, withdrawn: 0 });
    expect(await state()).toEqual(settled);

    // Nothing new is attached to a withdrawn ¶: no link, no flag, no evidence request.
    const withdrawnRefusal = { code: "CONFLICT", message: expect.stringMatching(/¶ 2 was withdrawn by an amended complaint/) };
    expect(await refusal(linkEvidence(team.attorney, matterId, removed2.id, { exhibitId: exhibit.id, relation: "SUPPORTS", submissionKey: randomUUID() }))).toMatchObject(withdrawnRefusal);
    expect(await refusal(flagAllegation(team.attorney, matterId, removed2.id, { severity: "UNSUPPORTED", reason: "No proof" }))).toMatchObject(withdrawnRefusal);
    expect(await refusal(createEvidenceRequest(team.attorney, matterId, removed2.id, { description: "Find the capture", submissionKey: randomUUID() }))).toMatchObject(withdrawnRefusal);
    expect(await state()).toEqual(settled);

    // The new ¶ 6 takes the number old ¶ 6 gave up.
    const added = await acceptProposal(team.attorney, matterId, byLabel.get("6")!.id, {});
    expect((await db.allegation.findUniqueOrThrow({ where: { id: added.allegationId } })).paragraphLabel).toBe("6");
  }, 120_000);

  it("fails an image-only PDF with the reason and proposes nothing", async () => {
    const { exhibit } = await ingestExhibit(team.paralegal, team.matter.id, { body: [await writeImageOnlyPdf()], fileName: "scan.pdf" });
    const { importId } = await startComplaintImport(team.paralegal, team.matter.id, { exhibitId: exhibit.id, submissionKey: randomUUID() });
    await unsafeRunComplaintImport(importId);
    const run = await getComplaintImport(team.paralegal, team.matter.id, importId);
    expect(run).toMatchObject({ status: "FAILED", proposals: [] });
    expect(run.failureReason).toMatch(/no text layer.*run OCR first/);
  }, 60_000);

  it("applies a renumbering chain and a swap at once, frees a withdrawn ¶'s number, and is the matter's own", async () => {
    const t = await makeMatterWithTeam();
    const matterId = t.matter.id;
    const allegation = (label: string, text: string) =>
      db.allegation.create({ data: { matterId, paragraph: Number(label), paragraphLabel: label, paragraphSortKey: Number(label) * 1000, text, kind: "GENERAL" } });
    const a37 = await allegation("37", "The app collected the user's contacts without asking.");
    const a38 = await allegation("38", "The contacts were uploaded to servers in Beijing.");
    const a40 = await allegation("40", "The app recorded the user's keystrokes in the search box.");
    const a41 = await allegation("41", "Keystrokes were sent to a third-party analytics host.");
    const a50 = await allegation("50", "Defendants sold the data to advertisers.");
    const exhibit = await makeLinkableExhibit(matterId, t.attorney);
    // ¶ 50 has context only, so it is a gap until it is withdrawn.
    for (const a of [a37, a40, a50]) await linkEvidence(t.attorney, matterId, a.id, { exhibitId: exhibit.id, relation: a === a50 ? "CONTEXT" : "SUPPORTS", submissionKey: randomUUID() });
    expect((await getGapReport(t.attorney, matterId)).rows.map((r) => r.id)).toContain(a50.id);
    const complaint = await makeLinkableExhibit(matterId, t.attorney, { title: "First amended complaint" });
    // The amendment (rows written directly, as the matcher would): a new ¶ 37 pushes 37→38 and
    // 38→39, ¶s 40 and 41 trade places, ¶ 50 is gone and a new ¶ 50 says something else.
    const proposals = [
      { label: "37", text: "Defendants' privacy policy did not mention contacts.", matchedAllegationId: null, change: "ADDED" as const },
      { label: "38", text: a37.text, matchedAllegationId: a37.id, change: "RENUMBERED" as const },
      { label: "39", text: `${a38.text} They stayed there for years.`, matchedAllegationId: a38.id, change: "REWORDED" as const },
      { label: "40", text: a41.text, matchedAllegationId: a41.id, change: "RENUMBERED" as const },
      { label: "41", text: a40.text, matchedAllegationId: a40.id, change: "RENUMBERED" as const },
      { label: "50", text: "Defendants shared location history with a data broker.", matchedAllegationId: null, change: "ADDED" as const },
    ];
    const run = await db.complaintImport.create({
      data: {
        matterId,
        exhibitId: complaint.id,
        createdById: t.attorney.userId,
        status: "PARSED",
        proposals: { create: proposals.map((p, i) => ({ ...p, matterId, position: i + 1, sortKey: Number(p.label) * 1000, page: 9 + i, line: 4, kind: "GENERAL" as const })) },
      },
      include: { proposals: { orderBy: { position: "asc" } } },
    });
    const proposal = (label: string) => run.proposals.find((p) => p.label === label)!;

    // Only a member who may write, through the import's own matter.
    const other = await makeMatterWithTeam();
    expect(await refusal(applyAmendment(other.attorney, other.matter.id, run.id, { withdraw: [a50.id] }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(applyAmendment(other.attorney, matterId, run.id, { withdraw: [a50.id] }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(applyAmendment(t.outsider, matterId, run.id, {}))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(applyAmendment(t.paralegal, matterId, randomUUID(), {}))).toMatchObject({ code: "NOT_FOUND" });
    // Another matter's allegation, or one a ¶ matched, is not the amendment's to withdraw.
    const foreign = await db.allegation.create({ data: { matterId: other.matter.id, paragraph: 1, text: "Elsewhere.", kind: "GENERAL" } });
    expect(await refusal(applyAmendment(t.paralegal, matterId, run.id, { withdraw: [foreign.id] }))).toMatchObject({ code: "VALIDATION" });
    expect(await refusal(applyAmendment(t.paralegal, matterId, run.id, { withdraw: [a38.id] }))).toMatchObject({ code: "VALIDATION" });
    expect(await db.allegation.count({ where: { matterId, withdrawnAt: { not: null } } })).toBe(0);

    expect(await applyAmendment(t.paralegal, matterId, run.id, { withdraw: [a50.id] })).toEqual({ applied: 4, renumbered: 4, reworded: 1, withdrawn: 1 });
    const label = async (id: string) => (await db.allegation.findUniqueOrThrow({ where: { id } })).paragraphLabel;
    expect(await Promise.all([a37, a38, a40, a41].map((a) => label(a.id)))).toEqual(["38", "39", "41", "40"]);
    expect(await db.allegation.findUniqueOrThrow({ where: { id: a38.id } })).toMatchObject({ text: proposal("39").text, complaintPage: proposal("39").page, complaintLine: 4 });
    const linked = await db.evidenceLink.findMany({ where: { exhibitId: exhibit.id }, select: { allegationId: true, removedAt: true } });
    expect(linked.map((l) => l.allegationId).sort()).toEqual([a37.id, a40.id, a50.id].sort());
    expect(linked.every((l) => l.removedAt === null)).toBe(true);

    // New ¶s stay for review; ¶ 37 and ¶ 50 are free now, ¶ 50 beside the withdrawn one.
    expect((await db.complaintProposal.findUniqueOrThrow({ where: { id: proposal("37").id } })).decision).toBe("PENDING");
    const new37 = await acceptProposal(t.paralegal, matterId, proposal("37").id, {});
    const new50 = await acceptProposal(t.paralegal, matterId, proposal("50").id, {});
    expect(await db.allegation.findMany({ where: { matterId, paragraphLabel: "50" }, select: { id: true, withdrawnAt: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { id: a50.id, withdrawnAt: expect.any(Date) },
      { id: new50.allegationId, withdrawnAt: null },
    ]);
    // Only one live allegation per number: a second live ¶ 50 is still refused.
    await expect(db.allegation.create({ data: { matterId, paragraph: 50, text: "Duplicate.", kind: "GENERAL" } })).rejects.toMatchObject({ code: "P2002" });

    const ledger = await listLedger(t.attorney, matterId, {});
    expect(ledger.rows.map((r) => [r.label, r.id])).toEqual([
      ["37", new37.allegationId],
      ["38", a37.id],
      ["39", a38.id],
      ["40", a41.id],
      ["41", a40.id],
      ["50", new50.allegationId],
    ]);
    expect((await listLedger(t.attorney, matterId, { withdrawn: "show" })).total).toBe(7);
    expect((await listAllegationsForApi(t.attorney, matterId, {})).allegations.map((a) => a.id)).not.toContain(a50.id);
    expect((await getGapReport(t.attorney, matterId)).rows.map((r) => r.id)).not.toContain(a50.id);
    expect((await getCoverage(t.attorney, matterId)).total).toBe(6);

    // Double submit: nothing more happens.
    const audits = await db.auditEvent.count({ where: { matterId } });
    expect(await applyAmendment(t.paralegal, matterId, run.id, { withdraw: [a50.id] })).toEqual({ applied: 0, renumbered: 0, reworded: 0, withdrawn: 0 });
    expect(await db.auditEvent.count({ where: { matterId } })).toBe(audits);
    expect(await db.allegation.findUniqueOrThrow({ where: { id: a50.id } })).toMatchObject({ withdrawnByImportId: run.id, withdrawnById: t.paralegal.userId });

    // A later import does not list the withdrawn allegation as removed, nor match a ¶ to it.
    const later = await db.complaintImport.create({ data: { matterId, exhibitId: complaint.id, createdById: t.attorney.userId, status: "PARSED" } });
    expect((await getComplaintImport(t.attorney, matterId, later.id)).removed.map((r) => r.id)).not.toContain(a50.id);
  });

  it("refuses a non-complaint exhibit, another matter's import, and outsiders", async () => {
    const { exhibit } = await ingestExhibit(team.paralegal, team.matter.id, { body: [Buffer.from("1. plain text\n")], fileName: "notes.txt" });
    expect(await refusal(startComplaintImport(team.paralegal, team.matter.id, { exhibitId: exhibit.id, submissionKey: randomUUID() }))).toMatchObject({ code: "VALIDATION" });
    expect(await refusal(getComplaintImport(team.outsider, team.matter.id, first.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(acceptProposal(team.outsider, team.matter.id, first.proposals[30]!.id, {}))).toMatchObject({ code: "NOT_FOUND" });
  });
});
