import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { definePDFJSModule, extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-papers-${process.pid}-${Date.now()}`;
});

import { AppError } from "@/lib/app-error";
import { BLANK } from "@/lib/reports/papers";
import { db } from "@/lib/server/db";
import { extractDocxText } from "@/lib/server/exhibits/extract-docx-text";
import { unsafeExtractExhibitText } from "@/lib/server/exhibits/extract-exhibit-text";
import { updateExhibitMetadata } from "@/lib/server/exhibits/update-exhibit-metadata";
import { updateMatterDetails } from "@/lib/server/matters/update-matter-details";
import { exportCertification } from "@/lib/server/reports/certification";
import { EXHIBIT_LIST_HEADER, exportExhibitList } from "@/lib/server/reports/exhibit-list";
import { exportPrivilegeLog, PRIVILEGE_LOG_HEADER } from "@/lib/server/reports/privilege-log";
import { makeExhibit } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  await definePDFJSModule(() => import("unpdf/pdfjs"));
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(pdf, { mergePages: false })).text;
}
const pdfText = async (bytes: Uint8Array) => (await pdfPages(bytes)).join("\n");

function csvRows(body: Buffer): string[][] {
  return parse(body.toString("utf8").replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
}

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

async function lastEvent(matterId: string, action: string) {
  return db.auditEvent.findFirstOrThrow({ where: { matterId, action }, orderBy: { id: "desc" } });
}

const versionOfMatter = async (id: string) => (await db.matter.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();

describe("FRE 902(14) certification draft", () => {
  it("leaves date collected and collected by blank with a warning when they were not recorded — never the upload date or the uploader", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const bytes = Buffer.from(`certify me ${Math.random()}`);
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes, fileName: "capture.txt" });
    // The upload records nothing about collection: the uploader is not assumed to be the collector.
    expect(exhibit).toMatchObject({ obtainedAt: null, collectedBy: null });
    // An upload date that stands out from today's generation and event times.
    await db.exhibit.update({ where: { id: exhibit.id }, data: { createdAt: new Date("2021-03-04T12:00:00Z") } });

    const pdf = await exportCertification(attorney, matter.id, { exhibitIds: [exhibit.id] });
    expect(pdf.contentType).toBe("application/pdf");
    const text = await pdfText(pdf.body);
    expect(text).not.toContain("2021-03-04");
    expect(text.replace(/\s/g, "")).toContain(sha256(bytes));
    expect(text).toContain("capture.txt");
    expect(text).toContain(bytes.byteLength.toLocaleString("en-US"));
    expect(text).toContain("PX-0001");
    expect(text).toContain("NOT READY TO SIGN");
    expect(text).toMatch(/PX-0001: date collected, collected by/);
    // Both cells of the row are blanks to complete, and the uploader is not named as collector.
    const row = text.slice(text.indexOf("PX-0001 capture.txt"), text.indexOf("I, ____"));
    expect(row.split(BLANK).length - 1).toBe(2);
    expect(row).not.toContain("Paralegal");

    // The ingest event and the certification's own event are named, with the generation time.
    const ingest = await db.auditEvent.findFirstOrThrow({ where: { entityId: exhibit.id, action: "exhibit.upload" } });
    const certify = await lastEvent(matter.id, "exhibit.certify");
    expect(text).toContain(`#${ingest.id}`);
    expect(text).toMatch(new RegExp(`Generated \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC .*audit event #${certify.id}\\b`));
    expect(certify.details).toEqual({ sha256: sha256(bytes), format: "pdf", missing: ["date collected", "collected by"] });
  });

  it("states the recorded date collected and collector, and offers the same draft as an editable DOCX", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const bytes = Buffer.from(`docx me ${Math.random()}`);
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes, fileName: "log.txt" });
    await db.exhibit.update({ where: { id: exhibit.id }, data: { obtainedAt: new Date("2019-04-05T00:00:00Z"), collectedBy: "Dana Forensics" } });

    const pdfTextOut = await pdfText((await exportCertification(attorney, matter.id, { exhibitIds: [exhibit.id] })).body);
    expect(pdfTextOut).toContain("2019-04-05");
    expect(pdfTextOut).toContain("Dana Forensics");
    expect(pdfTextOut).not.toContain("NOT READY TO SIGN");

    await db.exhibit.update({ where: { id: exhibit.id }, data: { collectedBy: null } });
    const docx = await exportCertification(attorney, matter.id, { exhibitIds: [exhibit.id] }, "docx");
    expect(docx.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(docx.fileName).toMatch(/\.docx$/);
    const text = await extractDocxText(docx.body);
    expect(text).toContain(sha256(bytes));
    expect(text).toContain("2019-04-05");
    expect(text).toContain(BLANK);
    expect(text).toMatch(/PX-0001: collected by/);
    const certify = await lastEvent(matter.id, "exhibit.certify");
    expect(text).toContain(`audit event #${certify.id}`);
    expect((certify.details as { format: string }).format).toBe("docx");
  });

  it("is an attorney's paper: a paralegal is refused and nothing is recorded", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const { exhibit } = await makeExhibit(paralegal, matter.id);
    expect((await refusal(exportCertification(paralegal, matter.id, { exhibitIds: [exhibit.id] }))).status).toBe(403);
    expect(await db.auditEvent.count({ where: { entityId: exhibit.id, action: "exhibit.certify" } })).toBe(0);
  });
});

describe("exhibit list (AO 187)", () => {
  it("leaves privileged exhibits out by default, in the AO 187 columns, naming its audit event", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const open = await makeExhibit(paralegal, matter.id);
    const memo = await makeExhibit(paralegal, matter.id);
    await db.exhibit.update({ where: { id: open.exhibit.id }, data: { title: "Network capture of umeng.com traffic" } });
    await db.exhibit.update({
      where: { id: memo.exhibit.id },
      data: { title: "Counsel strategy memo", description: "Weaknesses in our Count III theory", privilege: "WORK_PRODUCT", privilegeBasis: "Prepared by counsel" },
    });

    const csv = await exportExhibitList(paralegal, matter.id, "csv");
    const rows = csvRows(csv.body);
    expect(rows[0]).toEqual(EXHIBIT_LIST_HEADER);
    expect(rows[0]).toEqual(["Plf. No.", "Def. No.", "Date Offered", "Marked", "Admitted", "Description of Exhibits"]);
    expect(rows[1]).toEqual(["PX-0001", "", "", "", "", "Network capture of umeng.com traffic"]);
    expect(csv.body.toString()).not.toContain("Counsel strategy memo");
    expect(csv.body.toString()).not.toContain("Count III");
    const csvEvent = await lastEvent(matter.id, "exhibit.export-list");
    expect(rows.at(-1)![0]).toContain(`audit event #${csvEvent.id}`);

    const pdf = await exportExhibitList(paralegal, matter.id, "pdf");
    const text = await pdfText(pdf.body);
    expect(text).toContain("Network capture of umeng.com traffic");
    expect(text).not.toContain("Counsel strategy memo");
    expect(text).not.toContain("Count III");
    const pdfEvent = await lastEvent(matter.id, "exhibit.export-list");
    expect(text).toContain(`audit event #${pdfEvent.id}`);
    expect(pdfEvent.details).toMatchObject({ format: "pdf", count: 1, exhibits: ["PX-0001"], privileged: 0, side: "plaintiff" });
  });

  it("lists the chosen exhibits in the chosen order; a privileged one only when an attorney chooses it", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    for (let i = 0; i < 3; i++) await makeExhibit(paralegal, matter.id);
    await db.exhibit.updateMany({ where: { matterId: matter.id, number: 2 }, data: { title: "Privileged advice e-mail", privilege: "ATTORNEY_CLIENT", privilegeBasis: "Advice" } });

    const ordered = csvRows((await exportExhibitList(paralegal, matter.id, "csv", { exhibits: "3,1", side: "defendant" })).body);
    expect(ordered.slice(1, 3).map((r) => [r[0], r[1]])).toEqual([
      ["", "PX-0003"],
      ["", "PX-0001"],
    ]);

    const refused = await refusal(exportExhibitList(paralegal, matter.id, "pdf", { exhibits: "1,2" }));
    expect(refused.status).toBe(403);
    const included = await pdfText((await exportExhibitList(attorney, matter.id, "pdf", { exhibits: "2,1" })).body);
    expect(included).toContain("Privileged advice e-mail");
    expect((await lastEvent(matter.id, "exhibit.export-list")).details).toMatchObject({ exhibits: ["PX-0002", "PX-0001"], privileged: 1 });

    const unknown = await refusal(exportExhibitList(attorney, matter.id, "pdf", { exhibits: "1,99" }));
    expect(unknown.fieldErrors.exhibits?.[0]).toMatch(/99/);
    expect((await refusal(exportExhibitList(attorney, matter.id, "pdf", { exhibits: "1,1" }))).fieldErrors.exhibits).toBeDefined();
    expect((await refusal(exportExhibitList(attorney, matter.id, "pdf", { exhibits: "1;DROP" }))).status).toBe(422);
  });

  it("prints the AO 187 header from the matter's recorded facts, blanks for the rest, and Page x of y on every page", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    for (let i = 0; i < 3; i++) {
      const { exhibit } = await makeExhibit(paralegal, matter.id);
      await db.exhibit.update({ where: { id: exhibit.id }, data: { description: `Long description ${i}. ${"Device identifiers sent to umeng.com. ".repeat(60)}` } });
    }
    const before = await pdfText((await exportExhibitList(paralegal, matter.id, "pdf")).body);
    expect(before).toContain(matter.court);
    expect(before).toContain(matter.docketNumber);
    expect(before).toMatch(/presiding judge, plaintiff's attorneys, defendant's attorneys, trial date/);

    await updateMatterDetails(attorney, matter.id, {
      court: "U.S. District Court for the Northern District of California",
      docketNumber: matter.docketNumber,
      judge: "Hon. Ada Judge",
      plaintiffsCounsel: "Pat Plaintiff-Lawyer",
      trialDate: "2027-03-01",
      expectedUpdatedAt: await versionOfMatter(matter.id),
    });
    const pages = await pdfPages((await exportExhibitList(paralegal, matter.id, "pdf")).body);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
    const text = pages.join("\n");
    expect(text).toContain("Northern District of California");
    expect(text).toContain("Hon. Ada Judge");
    expect(text).toContain("Pat Plaintiff-Lawyer");
    expect(text).toContain("2027-03-01");
    expect(text).toMatch(/left blank .* to complete: defendant's attorneys\./);
    for (const h of ["Plf. No.", "Def. No.", "Date Offered", "Marked", "Admitted", "Description of Exhibits"]) expect(text).toContain(h);
  });
});

const ADVICE_EML = [
  "From: Counsel <counsel@firm.example>",
  "To: Misty Hong <client@example.com>",
  "Cc: Paralegal <para@firm.example>",
  "Date: Tue, 02 Apr 2019 10:00:00 +0000",
  "Subject: Advice on the umeng transfers",
  "MIME-Version: 1.0",
  'Content-Type: multipart/mixed; boundary="XYZ"',
  "",
  "--XYZ",
  "Content-Type: text/plain",
  "",
  "Privileged advice.",
  "--XYZ",
  'Content-Type: application/pdf; name="draft-complaint.pdf"',
  'Content-Disposition: attachment; filename="draft-complaint.pdf"',
  "Content-Transfer-Encoding: base64",
  "",
  Buffer.from("%PDF-1.4 draft").toString("base64"),
  "--XYZ--",
  "",
].join("\r\n");

describe("privilege log from e-mail headers", () => {
  it("fills author, recipients, cc, date and subject from the e-mail's own headers and lists its attachment on a line of its own", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const mail = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(ADVICE_EML), fileName: "advice.eml", extract: true });
    await makeExhibit(paralegal, matter.id);
    await db.exhibit.update({ where: { id: mail.exhibit.id }, data: { privilege: "ATTORNEY_CLIENT", privilegeBasis: "Legal advice from counsel to client", title: "Counsel's advice on the complaint" } });

    const stored = await db.exhibit.findUniqueOrThrow({ where: { id: mail.exhibit.id } });
    expect(stored).toMatchObject({ author: "Counsel <counsel@firm.example>", recipients: "Misty Hong <client@example.com>", cc: "Paralegal <para@firm.example>", subject: "Advice on the umeng transfers" });
    expect(stored.documentDate?.toISOString()).toBe("2019-04-02T10:00:00.000Z");

    const rows = csvRows((await exportPrivilegeLog(attorney, matter.id, "csv")).body);
    expect(rows[0]).toEqual(PRIVILEGE_LOG_HEADER);
    expect(rows[1]).toEqual([
      "1",
      "PX-0001",
      "2019-04-02",
      "E-mail",
      "Counsel <counsel@firm.example>",
      "Misty Hong <client@example.com>",
      "Paralegal <para@firm.example>",
      "Advice on the umeng transfers",
      "Counsel's advice on the complaint",
      "Attorney–client",
      "Legal advice from counsel to client",
      "Withheld",
    ]);
    expect(rows[2]!.slice(0, 4)).toEqual(["1.1", "PX-0001 att. 1", "2019-04-02", "Attachment to e-mail PX-0001"]);
    expect(rows[2]![9]).toBe("Attorney–client");
    expect(rows[2]![8]).toMatch(/^draft-complaint\.pdf \(application\/pdf, 14 bytes\)$/);
    const logEvent = await lastEvent(matter.id, "exhibit.export-privilege-log");
    expect(rows.at(-1)![0]).toContain(`audit event #${logEvent.id}`);

    // Cells wrap inside their column, so compare without the line breaks.
    const text = (await pdfText((await exportPrivilegeLog(attorney, matter.id, "pdf")).body)).replace(/\s+/g, "");
    expect(text).toContain("counsel@firm.example");
    expect(text).toContain("para@firm.example");
    expect(text).toContain("2019-04-02");
    expect(text).not.toContain("Undated");
    expect(text).toContain("draft-complaint.pdf");
    expect(text).toContain("Adviceontheumengtransfers");
  });

  it("keeps the header fields editable, and leaves the date blank rather than borrowing the date collected", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(`memo ${Math.random()}`), fileName: "memo.txt" });
    await db.exhibit.update({ where: { id: exhibit.id }, data: { privilege: "WORK_PRODUCT", privilegeBasis: "Counsel's notes", obtainedAt: new Date("2020-01-02T00:00:00Z") } });
    const version = (await db.exhibit.findUniqueOrThrow({ where: { id: exhibit.id } })).updatedAt.toISOString();
    let rows = csvRows((await exportPrivilegeLog(attorney, matter.id, "csv")).body);
    expect(rows[1]![2]).toBe("");
    const undated = await pdfText((await exportPrivilegeLog(attorney, matter.id, "pdf")).body);
    expect(undated).toContain("No document date recorded, left blank to complete: PX-0001.");
    expect(undated).not.toContain("2020-01-02");

    await updateExhibitMetadata(paralegal, matter.id, exhibit.id, {
      title: "Notes",
      kind: "DOCUMENT",
      obtainedAt: "2020-01-02",
      author: "A. Lawyer",
      recipients: "File",
      cc: "B. Partner",
      subject: "Interview notes",
      documentDate: "2019-12-31",
      expectedUpdatedAt: version,
    });
    rows = csvRows((await exportPrivilegeLog(attorney, matter.id, "csv")).body);
    expect(rows[1]!.slice(2, 8)).toEqual(["2019-12-31", "Document", "A. Lawyer", "File", "B. Partner", "Interview notes"]);
    const audit = await lastEvent(matter.id, "exhibit.update");
    expect(audit.details).toMatchObject({ after: { cc: "B. Partner", subject: "Interview notes" } });
  });

  it("backfills an e-mail extracted before cc and subject were kept, and keeps what a person typed", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const mail = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(ADVICE_EML), fileName: "old.eml", extract: true });
    // As the old extractor left it: To and Cc together in recipients, nothing in cc or subject;
    // and an author a person corrected by hand.
    await db.exhibit.update({
      where: { id: mail.exhibit.id },
      data: { recipients: "Misty Hong <client@example.com>; Paralegal <para@firm.example>", cc: null, subject: null, emailAttachments: undefined, author: "Outside Counsel (typed)", extractionStatus: "QUEUED" },
    });
    await unsafeExtractExhibitText(mail.exhibit.id);
    const after = await db.exhibit.findUniqueOrThrow({ where: { id: mail.exhibit.id } });
    expect(after).toMatchObject({ author: "Outside Counsel (typed)", recipients: "Misty Hong <client@example.com>", cc: "Paralegal <para@firm.example>", subject: "Advice on the umeng transfers", extractionStatus: "DONE" });
    expect(after.emailAttachments).toEqual([{ fileName: "draft-complaint.pdf", mediaType: "application/pdf", size: 14, sha256: sha256("%PDF-1.4 draft") }]);
  });
});

describe("matter details", () => {
  it("lets an attorney record the facts papers cite, audited, and refuses a paralegal and a stale form", async () => {
    const { matter, attorney, paralegal } = await makeMatterWithTeam();
    const input = {
      court: "U.S. District Court for the Northern District of California",
      docketNumber: "5:19-cv-07792",
      judge: "Hon. Ada Judge",
      defendantsCounsel: "Dee Fense LLP",
      fre502dOrder: "Stipulated FRE 502(d) Order, ECF No. 45",
      protectiveOrder: "Stipulated Protective Order, ECF No. 44",
      trialDate: "2027-03-01",
    };
    const version = await versionOfMatter(matter.id);
    expect((await refusal(updateMatterDetails(paralegal, matter.id, { ...input, expectedUpdatedAt: version }))).status).toBe(403);
    const saved = await updateMatterDetails(attorney, matter.id, { ...input, expectedUpdatedAt: version });
    expect(saved).toMatchObject({ judge: "Hon. Ada Judge", fre502dOrder: "Stipulated FRE 502(d) Order, ECF No. 45", protectiveOrder: "Stipulated Protective Order, ECF No. 44", plaintiffsCounsel: null });
    expect(saved.trialDate?.toISOString().slice(0, 10)).toBe("2027-03-01");
    const audit = await lastEvent(matter.id, "matter.update-details");
    expect(audit.details).toMatchObject({ before: { judge: null, trialDate: null }, after: { judge: "Hon. Ada Judge", trialDate: "2027-03-01" } });
    expect((await refusal(updateMatterDetails(attorney, matter.id, { ...input, judge: "Someone else", expectedUpdatedAt: version }))).code).toBe("CONFLICT");
    const bad = await refusal(updateMatterDetails(attorney, matter.id, { ...input, court: "", trialDate: "2027-02-30", expectedUpdatedAt: version }));
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["court", "trialDate"]);
  });
});
