import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-complaint-dates-${process.pid}-${Date.now()}`;
});

import type { ComplaintModel } from "@/lib/complaint/testing/complaint-model";
import { writeComplaintWithPdfKit } from "@/lib/complaint/testing/pleading-writers";
import { buildFromComplaint } from "@/lib/server/chronology/build-from-complaint";
import { exportChronology } from "@/lib/server/chronology/export-chronology";
import { listChronology } from "@/lib/server/chronology/list-chronology";
import { acceptProposal } from "@/lib/server/complaints/accept-proposal";
import { getComplaintImport } from "@/lib/server/complaints/get-complaint-import";
import { unsafeRunComplaintImport } from "@/lib/server/complaints/run-complaint-import";
import { startComplaintImport } from "@/lib/server/complaints/start-complaint-import";
import { db } from "@/lib/server/db";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { refusal } from "@/lib/server/testing/refusal";

const model: ComplaintModel = {
  caption: ["UNITED STATES DISTRICT COURT", "NORTHERN DISTRICT OF CALIFORNIA"],
  blocks: [
    { type: "heading", lines: ["FACTUAL ALLEGATIONS"] },
    { type: "paragraph", label: "1", kind: "GENERAL", text: "Plaintiff Hong created a TikTok account in 2017. On or about June 1, 2019, she reinstalled the app on a new phone." },
    { type: "paragraph", label: "2", kind: "GENERAL", text: "Between May and July 2019, the app sent her device identifiers abroad, as Section 2019 of no statute permits; Defendant paid $2,019 for nothing." },
    { type: "paragraph", label: "3", kind: "GENERAL", text: "In or around 2016, Defendant embedded third-party code in the app." },
    { type: "paragraph", label: "4", kind: "GENERAL", text: "The app has many users and sends their data to servers in China." },
  ],
};

describe("dates from the complaint's accepted ¶s", () => {
  it("proposes each dated phrase of an accepted ¶ as a fact at its precision with the ¶'s pin cite, once", async () => {
    const { matter, paralegal, outsider, member } = await makeMatterWithTeam();
    const written = await writeComplaintWithPdfKit(model);
    const { exhibit } = await ingestExhibit(paralegal, matter.id, { body: [written.bytes], fileName: "complaint.pdf" });
    const { importId } = await startComplaintImport(paralegal, matter.id, { exhibitId: exhibit.id, submissionKey: randomUUID() });
    await unsafeRunComplaintImport(importId);
    const imported = await getComplaintImport(paralegal, matter.id, importId);
    expect(imported.proposals.map((p) => p.label)).toEqual(["1", "2", "3", "4"]);

    // Nothing before a ¶ is accepted: a pending proposal is not the ledger's.
    expect(await buildFromComplaint(paralegal, matter.id)).toEqual({ created: 0, existing: 0 });
    const [p1, p2, p3, p4] = imported.proposals;
    for (const p of [p1!, p2!, p4!]) await acceptProposal(paralegal, matter.id, p.id, {});

    expect(await buildFromComplaint(paralegal, matter.id)).toEqual({ created: 3, existing: 0 });
    expect(await buildFromComplaint(paralegal, matter.id)).toEqual({ created: 0, existing: 3 });

    const { rows } = await listChronology(paralegal, matter.id, { source: "ALLEGATION" });
    const pin = (label: string) => {
      const e = written.expected.find((x) => x.label === label)!;
      return `Compl. ¶ ${label}, ${e.page}:${e.line}`;
    };
    expect(rows.map((r) => [r.startDate.toISOString().slice(0, 10), r.endDate?.toISOString().slice(0, 10) ?? null, r.precision, r.sources.map((s) => s.label)])).toEqual([
      ["2017-01-01", null, "YEAR", [pin("1")]],
      ["2019-05-01", "2019-07-01", "MONTH", [pin("2")]],
      ["2019-06-01", null, "DAY", [pin("1")]],
    ]);
    expect(rows[2]!.description).toBe(`On or about June 1, 2019, she reinstalled the app on a new phone. (${pin("1")})`);
    expect(rows.every((r) => r.sources[0]!.href.startsWith(`/matters/${matter.id}/allegations/`))).toBe(true);

    // ¶ 3 accepted later: its approximate year is added, the rest is already there.
    await acceptProposal(paralegal, matter.id, p3!.id, {});
    expect(await buildFromComplaint(paralegal, matter.id)).toEqual({ created: 1, existing: 3 });
    const approximate = (await listChronology(paralegal, matter.id, {})).rows.find((r) => r.precision === "APPROXIMATE")!;
    expect(approximate.startDate.toISOString().slice(0, 10)).toBe("2016-01-01");
    const csv = (await exportChronology(paralegal, matter.id, "csv")).body.toString("utf8");
    expect(csv).toContain("c. 2016");
    expect(csv).toContain(pin("3"));

    const builds = await db.auditEvent.findMany({ where: { matterId: matter.id, action: "chronology.build" }, orderBy: { id: "asc" } });
    expect(builds.map((b) => b.details)).toEqual([
      { from: "complaint", created: 0, existing: 0 },
      { from: "complaint", created: 3, existing: 0 },
      { from: "complaint", created: 0, existing: 3 },
      { from: "complaint", created: 1, existing: 3 },
    ]);

    const other = await makeMatterWithTeam();
    for (const actor of [outsider, member, other.paralegal]) expect((await refusal(buildFromComplaint(actor, matter.id))).code).toBe("NOT_FOUND");
    // Another matter's build reads only its own imports.
    expect(await buildFromComplaint(other.paralegal, other.matter.id)).toEqual({ created: 0, existing: 0 });
  }, 120_000);
});
