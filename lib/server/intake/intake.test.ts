import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-intake-${process.pid}-${Date.now()}`;
});

import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import yazl from "yazl";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { exportIntakeFailures } from "@/lib/server/intake/export-intake-failures";
import { getIntakeBatch } from "@/lib/server/intake/get-intake-batch";
import { unsafeRunIntakeBatch } from "@/lib/server/intake/run-intake-batch";
import { stageIntakeFile } from "@/lib/server/intake/stage-intake-file";
import { startIntake } from "@/lib/server/intake/start-intake";
import { makePdf } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";
import { refusal } from "@/lib/server/testing/refusal";

type Entry = { name: string; bytes: Buffer; store?: boolean };

function zipOf(entries: Entry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.bytes, e.name, { compress: !e.store, mtime: new Date("2026-01-01T00:00:00Z") });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (c: Buffer) => chunks.push(c));
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on("error", reject);
  });
}

async function runBatch(actor: Actor, matterId: string, zip: Buffer, loadFile?: string) {
  const archive = await stageIntakeFile(actor, matterId, { role: "archive", body: [zip], fileName: "production-vol-1.zip" });
  const csv = loadFile ? await stageIntakeFile(actor, matterId, { role: "load-file", body: [Buffer.from(loadFile)], fileName: "loadfile.csv" }) : null;
  const batch = await startIntake(actor, matterId, {
    archiveSha256: archive.sha256,
    archiveName: archive.fileName,
    ...(csv ? { loadFileSha256: csv.sha256, loadFileName: csv.fileName } : {}),
    submissionKey: randomUUID(),
  });
  await unsafeRunIntakeBatch(batch.id);
  return db.intakeBatch.findUniqueOrThrow({ where: { id: batch.id } });
}

function eml(subject: string, attachment: { name: string; type: string; bytes: Buffer }): Buffer {
  const boundary = "b1_proofline";
  return Buffer.from(
    [
      "From: Alice Analyst <alice@example.com>",
      "To: Bob Counsel <bob@example.com>",
      `Subject: ${subject}`,
      "Date: Tue, 09 Apr 2019 10:00:00 +0000",
      "MIME-Version: 1.0",
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      "The capture is attached.",
      `--${boundary}`,
      `Content-Type: ${attachment.type}; name="${attachment.name}"`,
      "Content-Transfer-Encoding: base64",
      `Content-Disposition: attachment; filename="${attachment.name}"`,
      "",
      attachment.bytes.toString("base64").replace(/.{76}/g, "$&\r\n"),
      `--${boundary}--`,
      "",
    ].join("\r\n"),
  );
}

describe("bulk intake", () => {
  it("takes in a 10,000-file ZIP with 3 bad files: 9,997 exhibits, a 3-row failure report, and a re-run adds nothing", { timeout: 600_000 }, async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const entries: Entry[] = [];
    for (let i = 1; i <= 9_997; i++) {
      const folder = `custodian-${String(i % 20).padStart(2, "0")}`;
      entries.push(
        i % 10 === 0
          ? { name: `${folder}/report-${i}.pdf`, bytes: Buffer.from(`%PDF-1.4\n% proofline intake test ${i}\n%%EOF\n`) }
          : { name: `${folder}/note-${i}.txt`, bytes: Buffer.from(`Note ${i}: traffic to umeng.com observed on device ${i}.\n`) },
      );
    }
    entries.splice(10, 0, { name: "bad/empty.txt", bytes: Buffer.alloc(0) });
    entries.splice(5_000, 0, { name: "bad/padding.txt", bytes: Buffer.alloc(4 * 1024 * 1024, 0x20) });
    entries.splice(9_000, 0, { name: "bad/tool.exe", bytes: Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"), Buffer.alloc(200, 1)]) });
    expect(entries).toHaveLength(10_000);
    const zip = await zipOf(entries);

    const first = await runBatch(paralegal, matter.id, zip);
    expect(first).toMatchObject({ status: "DONE", totalFiles: 10_000, processedFiles: 10_000, committedFiles: 9_997, skippedFiles: 0, failedFiles: 3 });
    expect(await db.exhibit.count({ where: { matterId: matter.id } })).toBe(9_997);
    // Numbered in the ZIP's order, consecutively.
    const numbers = await db.exhibit.findMany({ where: { matterId: matter.id }, orderBy: { number: "asc" }, select: { number: true, originalFilename: true } });
    expect(numbers[0]).toMatchObject({ number: 1, originalFilename: "note-1.txt" });
    expect(numbers.at(-1)!.number).toBe(9_997);
    expect(await db.auditEvent.count({ where: { matterId: matter.id, action: "exhibit.upload" } })).toBe(9_997);

    const report = await exportIntakeFailures(paralegal, matter.id, first.id);
    const rows = parse(report.body.toString("utf8").replace(/^\uFEFF/, "")) as string[][];
    expect(rows[0]).toEqual(["Name", "Reason"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["bad/empty.txt", "bad/padding.txt", "bad/tool.exe"]);
    expect(rows[1]![1]).toMatch(/empty/);
    expect(rows[2]![1]).toMatch(/200:1/);
    expect(rows[3]![1]).toMatch(/not an accepted exhibit type/);

    // The same ZIP again: nothing new is numbered; the same three files fail again.
    const second = await runBatch(paralegal, matter.id, zip);
    expect(second).toMatchObject({ status: "DONE", committedFiles: 0, skippedFiles: 9_997, failedFiles: 3 });
    expect(await db.exhibit.count({ where: { matterId: matter.id } })).toBe(9_997);
    const skipped = await db.intakeItem.findFirstOrThrow({ where: { batchId: second.id, path: "custodian-01/note-1.txt" } });
    expect(skipped.reason).toBe("Already taken in as PX-0001 (same path, same bytes).");
  });

  it("numbers an e-mail's attachment right after it as its child, marks one identical to a loose exhibit as its duplicate, and applies the load file", async () => {
    const { matter, attorney } = await makeMatterWithTeam();
    const pdf = Buffer.from(await makePdf(["Umeng SDK initialisation log"]));
    const nested = await zipOf([{ name: "inner.txt", bytes: Buffer.from("never opened") }]);
    const zip = await zipOf([
      { name: "loose/capture-report.pdf", bytes: pdf },
      { name: "mail/0001.eml", bytes: eml("Umeng capture results", { name: "capture-report.pdf", type: "application/pdf", bytes: pdf }) },
      { name: "mail/0002.eml", bytes: eml("Second capture", { name: "notes.txt", type: "text/plain", bytes: Buffer.from(`notes ${randomUUID()}`) }) },
      { name: "misc/archive.zip", bytes: nested, store: true },
      { name: "misc/bad-date.txt", bytes: Buffer.from(`bad date ${randomUUID()}`) },
    ]);
    const loadFile = [
      "Path,Title,Custodian,Source,Date Obtained,Collector",
      "loose/capture-report.pdf,Umeng capture report (expert),Dr. Dana Lee,Expert capture,2019-04-12,Sam Paralegal",
      "mail/0001.eml,,Alice Analyst,Client mailbox export,2019-05-01,",
      "misc/bad-date.txt,Bad date,,,2019-02-30,",
      "missing/file.txt,Not in the ZIP,,,,",
    ].join("\n");
    const batch = await runBatch(attorney, matter.id, zip, loadFile);
    expect(batch).toMatchObject({ status: "DONE", totalFiles: 5, committedFiles: 6, failedFiles: 2 });

    const exhibits = await db.exhibit.findMany({ where: { matterId: matter.id }, orderBy: { number: "asc" } });
    expect(exhibits.map((e) => e.originalFilename)).toEqual(["capture-report.pdf", "0001.eml", "capture-report.pdf", "0002.eml", "notes.txt", "archive.zip"]);
    const [loose, mail1, attachment1, mail2, attachment2, archive] = exhibits;
    expect(loose).toMatchObject({ title: "Umeng capture report (expert)", custodian: "Dr. Dana Lee", source: "Expert capture", collectedBy: "Sam Paralegal", parentExhibitId: null });
    expect(loose!.obtainedAt?.toISOString().slice(0, 10)).toBe("2019-04-12");
    // The e-mail's title is its subject; the collector the load file left blank stays blank.
    expect(mail1).toMatchObject({ title: "Umeng capture results", kind: "EMAIL", custodian: "Alice Analyst", collectedBy: null });
    expect(attachment1).toMatchObject({ number: mail1!.number + 1, parentExhibitId: mail1!.id, duplicateOfExhibitId: loose!.id, blobSha256: loose!.blobSha256 });
    expect(attachment2).toMatchObject({ number: mail2!.number + 1, parentExhibitId: mail2!.id, duplicateOfExhibitId: null });
    // A nested archive is kept as a file, not opened.
    expect(archive).toMatchObject({ kind: "ARCHIVE", parentExhibitId: null });
    expect(await db.blob.count({ where: { sha256: loose!.blobSha256 } })).toBe(1);

    const { failures } = await getIntakeBatch(attorney, matter.id, batch.id);
    expect(failures.map((f) => [f.path, f.reason])).toEqual([
      ["misc/bad-date.txt", "Load file row 4: obtainedAt: Not a real date"],
      ["missing/file.txt", "Listed in the load file (row 5) but not in the ZIP."],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: attachment1!.id, action: "exhibit.upload" } });
    expect(audit.details).toMatchObject({ parent: "PX-0002", duplicateOf: "PX-0001", intake: { batchId: batch.id, path: "mail/0001.eml/1/capture-report.pdf" } });
    const item = await db.intakeItem.findFirstOrThrow({ where: { batchId: batch.id, exhibitId: attachment1!.id } });
    expect(item.reason).toBe("Duplicate of PX-0001.");
  });

  it("refuses a whole archive over the entry limit, and anything that is not a ZIP at upload", { timeout: 120_000 }, async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const notZip = await refusal(stageIntakeFile(paralegal, matter.id, { role: "archive", body: [Buffer.from("hello, not a zip")], fileName: "a.zip" }));
    expect(notZip.fieldErrors.file).toEqual(["“a.zip” is not a ZIP archive."]);
    const tooMany = await zipOf(Array.from({ length: 65_537 }, (_, i) => ({ name: `f${i}.txt`, bytes: Buffer.from("x"), store: true })));
    const batch = await runBatch(paralegal, matter.id, tooMany);
    expect(batch.status).toBe("FAILED");
    expect(batch.error).toMatch(/65,537 entries, more than the 65,536/);
    expect(await db.exhibit.count({ where: { matterId: matter.id } })).toBe(0);
    const finished = await db.auditEvent.findFirstOrThrow({ where: { entityId: batch.id, action: "intake.finish" } });
    expect(finished.details).toMatchObject({ status: "FAILED" });
  });

  it("two submits of the start form make one batch; another matter's batch is not found", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const other = await makeMatterWithTeam();
    const archive = await stageIntakeFile(paralegal, matter.id, { role: "archive", body: [await zipOf([{ name: "a.txt", bytes: Buffer.from("a") }])], fileName: "a.zip" });
    const input = { archiveSha256: archive.sha256, archiveName: "a.zip", submissionKey: randomUUID() };
    const [a, b] = await Promise.all([startIntake(paralegal, matter.id, input), startIntake(paralegal, matter.id, input)]);
    expect(a.id).toBe(b.id);
    expect((await refusal(getIntakeBatch(other.paralegal, other.matter.id, a.id))).code).toBe("NOT_FOUND");
    expect((await refusal(startIntake(paralegal, matter.id, { ...input, archiveSha256: "0".repeat(64), submissionKey: randomUUID() }))).fieldErrors.archiveSha256).toBeDefined();
  });

  it("keeps apart two entries that name the same path, instead of failing the batch", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const batch = await runBatch(paralegal, matter.id, await zipOf([{ name: "a.txt", bytes: Buffer.from(`one ${randomUUID()}`) }, { name: "./a.txt", bytes: Buffer.from(`two ${randomUUID()}`) }]));
    expect(batch).toMatchObject({ status: "DONE", committedFiles: 2 });
    expect((await db.intakeItem.findMany({ where: { batchId: batch.id }, orderBy: { path: "asc" } })).map((i) => i.path)).toEqual(["a.txt", "a.txt (entry 2)"]);
  });
});
