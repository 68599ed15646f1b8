import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-loose-${process.pid}-${Date.now()}`;
});

import { createHash, randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import yauzl from "yauzl";
import { crc32Update, LooseFilesRefused, zipLooseFiles } from "@/lib/intake/loose-files-zip";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { exportIntakeFailures } from "@/lib/server/intake/export-intake-failures";
import { unsafeRunIntakeBatch } from "@/lib/server/intake/run-intake-batch";
import { stageIntakeFile } from "@/lib/server/intake/stage-intake-file";
import { startIntake } from "@/lib/server/intake/start-intake";
import { makePdf } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function entries(zip: Buffer): Promise<{ name: string; bytes: Buffer; method: number }[]> {
  return new Promise((resolve, reject) => {
    const out: { name: string; bytes: Buffer; method: number }[] = [];
    yauzl.fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true }, (err, z) => {
      if (err || !z) return reject(err);
      z.readEntry();
      z.on("entry", (entry: yauzl.Entry) => {
        z.openReadStream(entry, async (e, s) => {
          if (e || !s) return reject(e);
          const chunks: Buffer[] = [];
          for await (const c of s) chunks.push(c as Buffer);
          const bytes = Buffer.concat(chunks);
          // The CRC written is the CRC of the bytes.
          expect(crc32Update(0, bytes)).toBe(entry.crc32);
          out.push({ name: entry.fileName, bytes, method: entry.compressionMethod });
          z.readEntry();
        });
      });
      z.on("end", () => resolve(out));
      z.on("error", reject);
    });
  });
}

async function takeIn(actor: Actor, matterId: string, files: { path: string; bytes: Uint8Array }[]) {
  const zip = Buffer.from(await (await zipLooseFiles(files.map((f) => ({ path: f.path, blob: new Blob([new Uint8Array(f.bytes)]), lastModified: Date.UTC(2026, 0, 2, 3, 4, 6) })))).arrayBuffer());
  const archive = await stageIntakeFile(actor, matterId, { role: "archive", body: [zip], fileName: `${files.length} loose files.zip` });
  const batch = await startIntake(actor, matterId, { archiveSha256: archive.sha256, archiveName: archive.fileName, submissionKey: randomUUID() });
  await unsafeRunIntakeBatch(batch.id);
  return db.intakeBatch.findUniqueOrThrow({ where: { id: batch.id } });
}

describe("loose multi-file intake", () => {
  it("wraps chosen files in a STORE ZIP with UTF-8 names and correct CRCs, keeping same-named files apart", async () => {
    expect(crc32Update(0, new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    const big = new Uint8Array(9 * 1024 * 1024).map((_, i) => (i * 31) & 0xff);
    let progress = 0;
    const blob = await zipLooseFiles(
      [
        { path: "Déclaration.txt", blob: new Blob(["bonjour"]) },
        { path: "C:\\evidence\\..\\report.pdf", blob: new Blob([big]) },
        { path: "evidence/report.pdf", blob: new Blob(["second report"]) },
        { path: "/etc/passwd", blob: new Blob([""]) },
        { path: "notes.txt", blob: new Blob(["a"]) },
        { path: "Notes.txt", blob: new Blob(["b"]) },
        { path: "README", blob: new Blob(["c"]) },
        { path: "README", blob: new Blob(["d"]) },
      ],
      (read) => (progress = read),
    );
    expect(progress).toBe(7 + big.length + 13 + 4);
    const out = await entries(Buffer.from(await blob.arrayBuffer()));
    expect(out.map((e) => [e.name, e.method])).toEqual([
      ["Déclaration.txt", 0],
      ["evidence/report.pdf", 0],
      ["evidence/report (2).pdf", 0],
      ["etc/passwd", 0],
      ["notes.txt", 0],
      ["Notes (2).txt", 0],
      ["README", 0],
      ["README (2)", 0],
    ]);
    expect(sha256(out[1]!.bytes)).toBe(sha256(big));
    await expect(zipLooseFiles([])).rejects.toBeInstanceOf(LooseFilesRefused);
  });

  it("takes many loose files in as one batch with progress counts and a failure report; choosing them again numbers nothing twice", { timeout: 120_000 }, async () => {
    const { matter, paralegal, outsider } = await makeMatterWithTeam();
    const files = [
      { path: "expert-report.pdf", bytes: await makePdf(["Expert report", "page two"]) },
      { path: "notes.txt", bytes: Buffer.from("Counsel's notes on the capture") },
      { path: "empty.txt", bytes: new Uint8Array() },
      { path: "capture.har", bytes: Buffer.from(JSON.stringify({ log: { version: "1.2", entries: [] } })) },
      { path: "tool.exe", bytes: Buffer.from("MZ\x90\x00 not an exhibit") },
    ];
    const first = await takeIn(paralegal, matter.id, files);
    expect(first).toMatchObject({ status: "DONE", archiveName: "5 loose files.zip", totalFiles: 5, processedFiles: 5, committedFiles: 3, skippedFiles: 0, failedFiles: 2 });
    const numbered = await db.exhibit.findMany({ where: { matterId: matter.id }, orderBy: { number: "asc" }, select: { number: true, originalFilename: true, blobSha256: true } });
    expect(numbered.map((e) => [e.number, e.originalFilename])).toEqual([
      [1, "expert-report.pdf"],
      [2, "notes.txt"],
      [3, "capture.har"],
    ]);
    expect(numbered[0]!.blobSha256).toBe(sha256(files[0]!.bytes));

    const report = await exportIntakeFailures(paralegal, matter.id, first.id);
    expect(report.fileName).toBe("5 loose files-intake-failures.csv");
    const rows = parse(report.body.toString("utf8").replace(/^\uFEFF/, "")) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(["empty.txt", "tool.exe"]);
    expect(rows[1]![1]).toMatch(/empty/);

    // The same files chosen again (in another order): nothing is numbered twice.
    const second = await takeIn(paralegal, matter.id, [...files].reverse());
    expect(second).toMatchObject({ status: "DONE", committedFiles: 0, skippedFiles: 3, failedFiles: 2 });
    expect(await db.exhibit.count({ where: { matterId: matter.id } })).toBe(3);

    // Someone outside the matter cannot stage loose files into it.
    await expect(stageIntakeFile(outsider, matter.id, { role: "archive", body: [Buffer.from("PK\x05\x06")], fileName: "x.zip" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
