// `npm run bench -- intake [--files 10000] [--size-mib 256] [--extract]`: bulk intake of a
// generated ZIP (a mix of PDFs, text files and e-mails with one attachment each) through the
// intake use cases (stage the ZIP, start the batch, the job that numbers every file) to committed
// exhibits, reported as files/s and uncompressed MB/s, with the ratio to single-file ingest
// (ingestExhibit of one file of the same total size, capped at 256 MiB) measured in the same
// run. --extract also extracts the text of every new exhibit (as the workers would), so they are
// searchable, and reports that time too. The issue's figure is ~1 GiB: pass --size-mib 1024.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import yazl from "yazl";
import { dropDatabase, ensureDatabase, migrateDeploy, resolveTestServer, uniqueDatabaseName, withDatabase } from "../scripts/lib/postgres";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => Number(args[args.indexOf(name) + 1] ?? 0) || fallback;
const FILES = arg("--files", 10_000);
const SIZE_MIB = arg("--size-mib", 256);
const EXTRACT = args.includes("--extract");
const MB = 1e6;

// A minimal one-page PDF with a line of text; `id` makes each file's bytes unique.
function pdfBytes(id: string, padding: number): Buffer {
  const text = `Exhibit ${id} device identifier sent to alog.umeng.com`;
  const content = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Padding after %%EOF (comment lines) brings the file to its share of the total size.
  return Buffer.concat([Buffer.from(body), Buffer.from(`%${"x".repeat(Math.max(0, padding - body.length - 2))}\n`)]);
}

function textBytes(id: string, size: number): Buffer {
  const words = randomBytes(Math.ceil(size / 2)).toString("hex").replace(/(.{8})/g, "$1 ");
  return Buffer.from(`Note ${id}: traffic to bugly.qq.com observed.\n${words}`.slice(0, Math.max(64, size)));
}

function emailBytes(id: string, size: number): Buffer {
  const attachment = textBytes(`${id}-att`, Math.floor(size / 2));
  return Buffer.from(
    [
      "From: Analyst <analyst@example.com>",
      "To: Counsel <counsel@example.com>",
      `Subject: Capture ${id}`,
      "Date: Tue, 09 Apr 2019 10:00:00 +0000",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="bb"',
      "",
      "--bb",
      "Content-Type: text/plain",
      "",
      textBytes(id, Math.floor(size / 3)).toString(),
      "--bb",
      `Content-Type: text/plain; name="capture-${id}.txt"`,
      "Content-Transfer-Encoding: base64",
      `Content-Disposition: attachment; filename="capture-${id}.txt"`,
      "",
      attachment.toString("base64").replace(/.{76}/g, "$&\r\n"),
      "--bb--",
      "",
    ].join("\r\n"),
  );
}

async function makeZip(file: string): Promise<{ bytes: number; uncompressed: number }> {
  const zip = new yazl.ZipFile();
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on("close", () => resolve());
    out.on("error", reject);
  });
  zip.outputStream.pipe(out);
  const share = Math.floor((SIZE_MIB * 1024 * 1024) / FILES);
  let uncompressed = 0;
  for (let i = 0; i < FILES; i++) {
    const id = `${i}-${randomUUID().slice(0, 8)}`;
    const kind = i % 10;
    const entry = kind < 3 ? { name: `pdf/${i}.pdf`, bytes: pdfBytes(id, share) } : kind < 8 ? { name: `text/${i}.txt`, bytes: textBytes(id, share) } : { name: `mail/${i}.eml`, bytes: emailBytes(id, share) };
    uncompressed += entry.bytes.length;
    zip.addBuffer(entry.bytes, entry.name);
  }
  zip.end();
  await done;
  return { bytes: (await fsp.stat(file)).size, uncompressed };
}

async function main() {
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), "proofline-bench-intake-"));
  process.env.BLOB_ROOT = path.join(work, "blobs");
  process.env.LOG_LEVEL ??= "error";
  const pg = await resolveTestServer();
  const name = uniqueDatabaseName("proofline_bench_intake");
  await ensureDatabase(pg.adminUrl, name);
  const url = withDatabase(pg.adminUrl, name);
  process.env.DATABASE_URL = url;
  try {
    await migrateDeploy(url);
    const { db } = await import("@/lib/server/db");
    const { ingestExhibit } = await import("@/lib/server/exhibits/ingest-exhibit");
    const { stageIntakeFile } = await import("@/lib/server/intake/stage-intake-file");
    const { startIntake } = await import("@/lib/server/intake/start-intake");
    const { unsafeRunIntakeBatch } = await import("@/lib/server/intake/run-intake-batch");

    const user = await db.user.create({ data: { email: `bench-${randomUUID()}@bench.test`, name: "Bench Paralegal", role: "STAFF" } });
    const matter = await db.matter.create({ data: { slug: `bench-${randomUUID()}`, caption: "Bench v. Intake", shortName: "Bench", court: "N.D. Cal.", docketNumber: "0:00-cv-00000", batesPrefix: "BENCH" } });
    await db.membership.create({ data: { userId: user.id, matterId: matter.id, role: "PARALEGAL" } });
    const actor = { userId: user.id, email: user.email, name: user.name, role: user.role };

    const zipFile = path.join(work, "batch.zip");
    let t = Date.now();
    const zip = await makeZip(zipFile);
    console.log(`intake-generate: ${FILES} files, ${(zip.uncompressed / MB).toFixed(0)} MB uncompressed, ${(zip.bytes / MB).toFixed(0)} MB zipped in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    // Baseline: one file of the same size (capped) through the single-file ingest use case.
    const singleBytes = Math.min(zip.uncompressed, 256 * 1024 * 1024);
    const single = path.join(work, "single.txt");
    await fsp.writeFile(single, textBytes("single", singleBytes));
    t = performance.now();
    await ingestExhibit(actor, matter.id, { body: fs.createReadStream(single, { highWaterMark: 1 << 20 }), fileName: "single.txt" });
    const singleSeconds = (performance.now() - t) / 1000;
    const singleMBs = singleBytes / MB / singleSeconds;
    console.log(`single-ingest: ${singleMBs.toFixed(1)} MB/s (${(singleBytes / MB).toFixed(0)} MB in ${singleSeconds.toFixed(2)} s)`);

    t = performance.now();
    const archive = await stageIntakeFile(actor, matter.id, { role: "archive", body: fs.createReadStream(zipFile, { highWaterMark: 1 << 20 }), fileName: "batch.zip" });
    const batch = await startIntake(actor, matter.id, { archiveSha256: archive.sha256, archiveName: "batch.zip", submissionKey: randomUUID() });
    const staged = performance.now();
    await unsafeRunIntakeBatch(batch.id);
    const seconds = (performance.now() - t) / 1000;
    const result = await db.intakeBatch.findUniqueOrThrow({ where: { id: batch.id } });
    const exhibits = await db.exhibit.count({ where: { matterId: matter.id } });
    const bulkMBs = zip.uncompressed / MB / seconds;
    console.log(`intake-commit: ${result.committedFiles} exhibits (${exhibits - 1} in the matter from the batch, ${result.failedFiles} failed) in ${seconds.toFixed(1)} s (upload ${((staged - t) / 1000).toFixed(1)} s)`);
    console.log(`intake-files: ${(FILES / seconds).toFixed(0)} files/s`);
    console.log(`intake-exhibits: ${(result.committedFiles / seconds).toFixed(0)} exhibits/s`);
    console.log(`intake-throughput: ${bulkMBs.toFixed(1)} MB/s`);
    console.log(`intake-vs-single-ingest: ${(bulkMBs / singleMBs).toFixed(2)} x (bulk MB/s ÷ single-file ingest MB/s)`);

    const rerun = performance.now();
    const again = await startIntake(actor, matter.id, { archiveSha256: archive.sha256, archiveName: "batch.zip", submissionKey: randomUUID() });
    await unsafeRunIntakeBatch(again.id);
    const second = await db.intakeBatch.findUniqueOrThrow({ where: { id: again.id } });
    console.log(`intake-rerun: ${second.committedFiles} new, ${second.skippedFiles} already in, ${((performance.now() - rerun) / 1000).toFixed(1)} s`);

    if (EXTRACT) {
      const { unsafeExtractExhibitText } = await import("@/lib/server/exhibits/extract-exhibit-text");
      const queued = await db.exhibit.findMany({ where: { matterId: matter.id, extractionStatus: "QUEUED" }, select: { id: true } });
      t = performance.now();
      const queue = [...queued];
      await Promise.all(
        Array.from({ length: 2 }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) await unsafeExtractExhibitText(next.id);
        }),
      );
      const extractSeconds = (performance.now() - t) / 1000;
      const searchable = await db.exhibit.count({ where: { matterId: matter.id, extractionStatus: "DONE" } });
      console.log(`intake-extract: ${searchable} searchable in ${extractSeconds.toFixed(1)} s (${(queued.length / extractSeconds).toFixed(0)} exhibits/s)`);
      console.log(`intake-to-searchable: ${(FILES / (seconds + extractSeconds)).toFixed(0)} files/s`);
    }
    await (await import("@/lib/server/jobs/boss")).stopBoss();
    await db.$disconnect();
  } finally {
    await dropDatabase(pg.adminUrl, name);
    await fsp.rm(work, { recursive: true, force: true });
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
