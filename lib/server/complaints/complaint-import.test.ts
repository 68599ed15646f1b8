import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-complaint-${process.pid}-${Date.now()}`;
});

import { complaintPinCite } from "@/lib/complaint/labels";
import { generateComplaint, type Block, type ComplaintModel } from "@/lib/complaint/testing/complaint-model";
import { writeComplaintWithPdfKit, writeImageOnlyPdf, type WrittenComplaint } from "@/lib/complaint/testing/pleading-writers";
import type { Actor } from "@/lib/server/auth/actor";
import { acceptProposal } from "@/lib/server/complaints/accept-proposal";
import { dropProposal } from "@/lib/server/complaints/drop-proposal";
import { getComplaintImport } from "@/lib/server/complaints/get-complaint-import";
import { listComplaintImports } from "@/lib/server/complaints/list-complaint-imports";
import { mergeProposal } from "@/lib/server/complaints/merge-proposal";
import { unsafeRunComplaintImport } from "@/lib/server/complaints/run-complaint-import";
import { splitProposal } from "@/lib/server/complaints/split-proposal";
import { startComplaintImport } from "@/lib/server/complaints/start-complaint-import";
import { db } from "@/lib/server/db";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { listLedger } from "@/lib/server/ledger/list-ledger";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
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

// The amendment: ¶ 2 removed, a new ¶ after old ¶ 6, old ¶ 8 reworded, and everything numbered again.
function amend(model: ComplaintModel): ComplaintModel {
  const blocks: Block[] = [];
  for (const block of model.blocks) {
    if (block.type === "paragraph" && block.label === "2") continue;
    if (block.type === "paragraph" && block.label === "8") {
      blocks.push({ ...block, text: "Those transfers are described in detail in paragraph 3 above, and they continued after Defendants were told of them; the app still sent device data and location data to umeng.com in May 2019." });
      continue;
    }
    blocks.push(block);
    if (block.type === "paragraph" && block.label === "6") {
      blocks.push({ type: "paragraph", label: "new", text: "Defendants' engineers in Beijing could read the transferred data at any time, as their own filings admit.", kind: "GENERAL" });
    }
  }
  let n = 0;
  return { ...model, blocks: blocks.map((b) => (b.type === "paragraph" ? { ...b, label: String(++n) } : b)) };
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
    const amended = await writeComplaintWithPdfKit(amend(model));
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
  }, 120_000);

  it("fails an image-only PDF with the reason and proposes nothing", async () => {
    const { exhibit } = await ingestExhibit(team.paralegal, team.matter.id, { body: [await writeImageOnlyPdf()], fileName: "scan.pdf" });
    const { importId } = await startComplaintImport(team.paralegal, team.matter.id, { exhibitId: exhibit.id, submissionKey: randomUUID() });
    await unsafeRunComplaintImport(importId);
    const run = await getComplaintImport(team.paralegal, team.matter.id, importId);
    expect(run).toMatchObject({ status: "FAILED", proposals: [] });
    expect(run.failureReason).toMatch(/no text layer.*run OCR first/);
  }, 60_000);

  it("refuses a non-complaint exhibit, another matter's import, and outsiders", async () => {
    const { exhibit } = await ingestExhibit(team.paralegal, team.matter.id, { body: [Buffer.from("1. plain text\n")], fileName: "notes.txt" });
    expect(await refusal(startComplaintImport(team.paralegal, team.matter.id, { exhibitId: exhibit.id, submissionKey: randomUUID() }))).toMatchObject({ code: "VALIDATION" });
    expect(await refusal(getComplaintImport(team.outsider, team.matter.id, first.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(acceptProposal(team.outsider, team.matter.id, first.proposals[30]!.id, {}))).toMatchObject({ code: "NOT_FOUND" });
  });
});
