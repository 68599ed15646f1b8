import { createHash } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-blobs-${process.pid}-${Date.now()}`;
  process.env.EXHIBIT_MAX_BYTES = String(1024 * 1024);
});

import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import { designateExhibit } from "@/lib/server/exhibits/designate-exhibit";
import { getExhibit } from "@/lib/server/exhibits/get-exhibit";
import { ingestExhibit } from "@/lib/server/exhibits/ingest-exhibit";
import { listExhibits } from "@/lib/server/exhibits/list-exhibits";
import { openExhibitFile } from "@/lib/server/exhibits/open-exhibit-file";
import { updateExhibitMetadata } from "@/lib/server/exhibits/update-exhibit-metadata";
import { blobRoot, cleanTempFiles } from "@/lib/server/storage/blob-store";
import { makeExhibit, makePdf } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

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

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function* chunked(bytes: Uint8Array, size = 1000) {
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
}

async function storeFiles(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const e of await fsp.readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(path.join(dir, e.name));
      else out.push(path.relative(blobRoot(), path.join(dir, e.name)));
    }
  };
  await walk(blobRoot()).catch(() => undefined);
  return out;
}

describe("exhibits: ingest", () => {
  it("stores the bytes under their SHA-256, numbers the exhibit and audits the upload", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const pdf = await makePdf(["TikTok sent device data to umeng.com", "and to bugly.qq.com"]);
    const { exhibit, label, duplicate } = await ingestExhibit(paralegal, matter.id, { body: chunked(pdf, 777), fileName: "capture report.pdf" });
    expect(duplicate).toBe(false);
    expect(label).toBe("PX-0001");
    expect(exhibit.blobSha256).toBe(sha256(pdf));
    expect(exhibit.kind).toBe("DOCUMENT");
    expect(exhibit.title).toBe("capture report");
    const blob = await db.blob.findUniqueOrThrow({ where: { sha256: sha256(pdf) } });
    expect(Number(blob.size)).toBe(pdf.byteLength);
    expect(blob.storageKey).toBe(`${blob.sha256.slice(0, 2)}/${blob.sha256.slice(2, 4)}/${blob.sha256}`);
    const stored = await fsp.readFile(path.join(blobRoot(), blob.storageKey));
    expect(sha256(stored)).toBe(sha256(pdf));
    const audit = await db.auditEvent.findMany({ where: { matterId: matter.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "exhibit.upload", entityType: "Exhibit", entityId: exhibit.id, actorId: paralegal.userId, ip: "127.0.0.1" });

    const second = await makeExhibit(paralegal, matter.id);
    expect(second.label).toBe("PX-0002");
  });

  it("shares one blob for the same bytes and reports the duplicate instead of numbering it again", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const bytes = Buffer.from(`same bytes ${Math.random()}\n`);
    const first = await ingestExhibit(paralegal, matter.id, { body: [bytes], fileName: "a.txt" });
    const again = await ingestExhibit(attorney, matter.id, { body: [bytes], fileName: "renamed.txt" });
    expect(again.duplicate).toBe(true);
    expect(again.label).toBe(first.label);
    expect(again.exhibit.id).toBe(first.exhibit.id);
    expect(await db.exhibit.count({ where: { matterId: matter.id } })).toBe(1);
    expect(await db.blob.count({ where: { sha256: sha256(bytes) } })).toBe(1);
    const other = await makeMatterWithTeam();
    const elsewhere = await ingestExhibit(other.paralegal, other.matter.id, { body: [bytes], fileName: "a.txt" });
    expect(elsewhere.duplicate).toBe(false);
    expect(elsewhere.exhibit.blobSha256).toBe(first.exhibit.blobSha256);
    expect(await db.blob.count({ where: { sha256: sha256(bytes) } })).toBe(1);
  });

  it("numbers 10 concurrent uploads 1…10 without gaps or repeats", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => makeExhibit(paralegal, matter.id, { fileName: `f${i}.txt` })));
    expect(results.map((r) => r.exhibit.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  const badInputs: [string, { body: Uint8Array[] | null; fileName: string | null; declaredSize?: number; declaredSha256?: string }, string, number][] = [
    ["an empty file", { body: [new Uint8Array()], fileName: "empty.txt" }, "empty", 422],
    ["a declared size over the limit", { body: [Buffer.from("x")], fileName: "big.txt", declaredSize: 2 * 1024 * 1024 }, "limit", 422],
    ["a body over the limit", { body: [Buffer.alloc(1024 * 1024 + 1, 0x61)], fileName: "big.txt" }, "limit", 422],
    ["a PNG named .pdf", { body: [Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")], fileName: "report.pdf" }, "PNG", 422],
    ["an executable", { body: [Buffer.concat([Buffer.from("7f454c46020101", "hex"), Buffer.alloc(200)])], fileName: "tool.txt" }, "not an accepted", 422],
    ["binary junk", { body: [Buffer.from([0xff, 0x00, 0x13, 0x37, 0x00, 0x99])], fileName: "junk.bin" }, "not a recognised type", 422],
    ["text named .pdf", { body: [Buffer.from("hello")], fileName: "fake.pdf" }, "plain text", 422],
    ["a path in the name", { body: [Buffer.from("hello")], fileName: "../../etc/passwd" }, "“/”", 422],
    ["a Windows path in the name", { body: [Buffer.from("hello")], fileName: "..\\boot.ini" }, "“/”", 422],
    ["no name", { body: [Buffer.from("hello")], fileName: null }, "no name", 422],
    ["a wrong client hash", { body: [Buffer.from("hello")], fileName: "h.txt", declaredSha256: "0".repeat(64) }, "damaged", 409],
  ];

  it.each(badInputs)("refuses %s with a clear message and stores nothing", async (_label, input, message, status) => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const before = await storeFiles();
    const error = await refusal(ingestExhibit(paralegal, matter.id, input));
    expect(error.status).toBe(status);
    expect(error.message).toContain(message);
    expect(await db.exhibit.count({ where: { matterId: matter.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { matterId: matter.id } })).toBe(0);
    expect((await storeFiles()).filter((f) => !before.includes(f))).toEqual([]);
  });

  it("accepts a matching client hash, and text formats told apart by content", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const har = Buffer.from(JSON.stringify({ log: { version: "1.2", entries: [] } }));
    const r = await ingestExhibit(paralegal, matter.id, { body: [har], fileName: "capture.har", declaredSha256: sha256(har).toUpperCase() });
    expect(r.exhibit.kind).toBe("NETWORK_CAPTURE");
    const eml = Buffer.from("From: a@example.com\r\nTo: b@example.com\r\nSubject: hi\r\n\r\nBody\r\n");
    expect((await ingestExhibit(paralegal, matter.id, { body: [eml], fileName: "message.eml" })).exhibit.kind).toBe("EMAIL");
  });

  it("leaves no temp file after an interrupted upload once temp files are cleaned", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    async function* dies() {
      yield Buffer.from("partial upload ".repeat(1000));
      throw new Error("connection reset");
    }
    await expect(ingestExhibit(paralegal, matter.id, { body: dies(), fileName: "cut.txt" })).rejects.toThrow("connection reset");
    expect(await db.exhibit.count({ where: { matterId: matter.id } })).toBe(0);
    const stale = path.join(blobRoot(), ".tmp", "left-by-crash.part");
    await fsp.writeFile(stale, "x");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    await fsp.utimes(stale, twoHoursAgo, twoHoursAgo);
    // Another instance's upload in progress: recent, so it stays.
    await fsp.writeFile(path.join(blobRoot(), ".tmp", "uploading-elsewhere.part"), "x");
    expect(await cleanTempFiles()).toBe(1);
    expect(await fsp.readdir(path.join(blobRoot(), ".tmp"))).toEqual(["uploading-elsewhere.part"]);
  });
});

describe("exhibits: access", () => {
  it("hides exhibits from non-members and class members (404) and lets paralegals upload", async () => {
    const { matter, paralegal, outsider, member, admin } = await makeMatterWithTeam();
    const { exhibit } = await makeExhibit(paralegal, matter.id);
    for (const who of [outsider, member, admin]) {
      expect((await refusal(getExhibit(who, matter.id, exhibit.id))).code).toBe("NOT_FOUND");
      expect((await refusal(openExhibitFile(who, matter.id, exhibit.id, "download"))).code).toBe("NOT_FOUND");
      expect((await refusal(listExhibits(who, matter.id))).code).toBe("NOT_FOUND");
      expect((await refusal(ingestExhibit(who, matter.id, { body: [Buffer.from("x")], fileName: "x.txt" }))).code).toBe("NOT_FOUND");
    }
    expect((await refusal(getExhibit(paralegal, matter.id, "not-a-uuid"))).code).toBe("NOT_FOUND");
    const other = await makeMatterWithTeam();
    await db.membership.create({ data: { userId: paralegal.userId, matterId: other.matter.id, role: "PARALEGAL" } });
    expect((await refusal(getExhibit(paralegal, other.matter.id, exhibit.id))).code).toBe("NOT_FOUND");
  });
});

describe("exhibits: custody and downloads", () => {
  it("re-verifies the hash on download, audits views and downloads, and refuses a corrupted file", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const bytes = Buffer.from(`custody ${Math.random()}\n`);
    const { exhibit } = await makeExhibit(paralegal, matter.id, { bytes, fileName: "c.txt" });
    const file = await openExhibitFile(attorney, matter.id, exhibit.id, "download");
    const chunks: Buffer[] = [];
    for await (const c of file.stream) chunks.push(c as Buffer);
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(bytes));
    const viewed = await openExhibitFile(attorney, matter.id, exhibit.id, "view");
    viewed.stream.destroy();
    expect(viewed.inline).toBe(true);

    const blob = await db.blob.findUniqueOrThrow({ where: { sha256: exhibit.blobSha256 } });
    const stored = path.join(blobRoot(), blob.storageKey);
    const original = await fsp.readFile(stored);
    const flipped = Buffer.from(original);
    flipped[0] = flipped[0]! ^ 0x01;
    await fsp.writeFile(stored, flipped);
    const error = await refusal(openExhibitFile(attorney, matter.id, exhibit.id, "download"));
    expect(error.status).toBe(409);
    await fsp.writeFile(stored, original);

    const { custody } = await getExhibit(attorney, matter.id, exhibit.id);
    expect(custody.map((c) => c.action)).toEqual(["exhibit.upload", "exhibit.download", "exhibit.view", "exhibit.fail-integrity-check"]);
    expect(custody[1]).toMatchObject({ actorId: attorney.userId, ip: "127.0.0.1" });
  });
});

describe("exhibits: metadata and designations", () => {
  it("lets a paralegal edit metadata, audited with before and after", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const { exhibit } = await makeExhibit(paralegal, matter.id);
    const updated = await updateExhibitMetadata(paralegal, matter.id, exhibit.id, {
      title: "Umeng capture",
      kind: "NETWORK_CAPTURE",
      custodian: "Expert lab",
      obtainedAt: "2019-04-02",
      expectedUpdatedAt: exhibit.updatedAt.toISOString(),
    });
    expect(updated.title).toBe("Umeng capture");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: exhibit.id, action: "exhibit.update" } });
    expect(event.details).toMatchObject({ after: { title: "Umeng capture", custodian: "Expert lab" } });
    const stale = await refusal(
      updateExhibitMetadata(paralegal, matter.id, exhibit.id, { title: "x", kind: "TEXT", expectedUpdatedAt: exhibit.updatedAt.toISOString() }),
    );
    expect(stale.code).toBe("CONFLICT");
  });

  it("lets only attorneys change privilege and confidentiality, with a reason", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const { exhibit } = await makeExhibit(paralegal, matter.id);
    const input = {
      confidentiality: "AEO",
      privilege: "WORK_PRODUCT",
      privilegeBasis: "Prepared by counsel's expert in anticipation of litigation",
      reason: "Expert analysis",
      expectedUpdatedAt: exhibit.updatedAt.toISOString(),
    };
    expect((await refusal(designateExhibit(paralegal, matter.id, exhibit.id, input))).status).toBe(403);
    const noReason = await refusal(designateExhibit(attorney, matter.id, exhibit.id, { ...input, reason: "" }));
    expect(Object.keys(noReason.fieldErrors)).toContain("reason");
    const noBasis = await refusal(designateExhibit(attorney, matter.id, exhibit.id, { ...input, privilegeBasis: undefined }));
    expect(Object.keys(noBasis.fieldErrors)).toContain("privilegeBasis");
    const updated = await designateExhibit(attorney, matter.id, exhibit.id, input);
    expect(updated).toMatchObject({ confidentiality: "AEO", privilege: "WORK_PRODUCT" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: exhibit.id, action: "exhibit.designate" } });
    expect(event.details).toMatchObject({ before: { privilege: "NONE" }, after: { privilege: "WORK_PRODUCT" }, reason: "Expert analysis" });
  });
});

describe("exhibits: background extraction", () => {
  it("queues one real extraction job per new exhibit, after the rows commit", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const { exhibit } = await makeExhibit(paralegal, matter.id);
    const jobs = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pgboss.job WHERE name = 'exhibit-extract' AND data->>'exhibitId' = ${exhibit.id}`;
    expect(Number(jobs[0]?.n)).toBe(1);
    expect(exhibit.extractionStatus).toBe("QUEUED");
  });
});
