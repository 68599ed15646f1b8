import { createHash, randomUUID } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { PDFDocument } from "pdf-lib";
import { extractText, definePDFJSModule, getDocumentProxy } from "unpdf";
import yauzl from "yauzl";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-blobs-${process.pid}-${Date.now()}`;
});

import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import { createProduction } from "@/lib/server/exhibits/create-production";
import { unsafeRunIntegritySweep } from "@/lib/server/exhibits/integrity-sweep";
import { openProductionZip } from "@/lib/server/exhibits/production-zip";
import { blobRoot } from "@/lib/server/storage/blob-store";
import { makeExhibit, makePdf } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function unzip(stream: NodeJS.ReadableStream): Promise<Map<string, Buffer>> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const zip = Buffer.concat(chunks);
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>();
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, z) => {
      if (err || !z) return reject(err);
      z.readEntry();
      z.on("entry", (entry: yauzl.Entry) => {
        z.openReadStream(entry, async (e, s) => {
          if (e || !s) return reject(e);
          const parts: Buffer[] = [];
          for await (const p of s) parts.push(p as Buffer);
          files.set(entry.fileName, Buffer.concat(parts));
          z.readEntry();
        });
      });
      z.on("end", () => resolve(files));
    });
  });
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

async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  await definePDFJSModule(() => import("unpdf/pdfjs"));
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(pdf, { mergePages: false })).text;
}

describe("exhibits: productions", () => {
  it("assigns continuous Bates ranges across productions, stamps PDFs into new blobs and ships a verifiable ZIP", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const pdfA = await makePdf(["one", "two", "three"]);
    const pdfB = await makePdf(["alpha", "beta"]);
    const a = await makeExhibit(paralegal, matter.id, { bytes: pdfA, fileName: "a.pdf" });
    const b = await makeExhibit(paralegal, matter.id, { bytes: pdfB, fileName: "b.pdf" });
    const c = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from("native text file"), fileName: "c.txt" });

    const first = await createProduction(paralegal, matter.id, { name: "Vol. 1", exhibitIds: [a.exhibit.id, c.exhibit.id], submissionKey: randomUUID() });
    expect([first.batesStart, first.batesEnd]).toEqual([1, 4]);
    const second = await createProduction(attorney, matter.id, { name: "Vol. 2", exhibitIds: [b.exhibit.id], submissionKey: randomUUID() });
    expect([second.batesStart, second.batesEnd]).toEqual([5, 6]);
    const items = await db.productionItem.findMany({ where: { matterId: matter.id }, orderBy: { batesStart: "asc" } });
    expect(items.map((i) => [i.batesStart, i.batesEnd])).toEqual([[1, 3], [4, 4], [5, 6]]);
    for (let i = 1; i < items.length; i++) expect(items[i]!.batesStart).toBe(items[i - 1]!.batesEnd + 1);

    // Originals untouched; the stamped copy is a new blob carrying the Bates numbers.
    const stored = await db.blob.findUniqueOrThrow({ where: { sha256: a.exhibit.blobSha256 } });
    expect(sha256(await fsp.readFile(path.join(blobRoot(), stored.storageKey)))).toBe(sha256(pdfA));

    const { stream } = await openProductionZip(attorney, matter.id, first.id);
    const files = await unzip(stream);
    expect([...files.keys()].sort()).toEqual([
      "DATA/VOL001.dat",
      "DATA/VOL001.opt",
      "DATA/loadfile.csv",
      "DATA/manifest.json",
      "IMAGES/TEST-000001.pdf",
      "IMAGES/TEST-000004.pdf",
      "MD5SUMS.txt",
      "NATIVES/TEST-000004.txt",
      "SHA256SUMS.txt",
    ]);
    const stamped = files.get("IMAGES/TEST-000001.pdf")!;
    expect((await PDFDocument.load(stamped)).getPageCount()).toBe(3);
    const texts = await pdfPageTexts(stamped);
    expect(texts[0]).toContain("TEST-000001");
    expect(texts[2]).toContain("TEST-000003");
    expect(texts[0]).toContain("CONFIDENTIAL");
    expect(files.get("NATIVES/TEST-000004.txt")!.toString()).toBe("native text file");

    const manifest = JSON.parse(files.get("DATA/manifest.json")!.toString()) as {
      items: { original: { sha256: string }; files: { path: string; sha256: string }[] }[];
    };
    expect(manifest.items[0]!.original.sha256).toBe(sha256(pdfA));
    for (const item of manifest.items) for (const file of item.files) expect(sha256(files.get(file.path)!)).toBe(file.sha256);
    for (const line of files.get("SHA256SUMS.txt")!.toString().trim().split("\n")) {
      const [hash, file] = line.split("  ");
      expect(sha256(files.get(file!)!)).toBe(hash);
    }
    const load = parse(files.get("DATA/loadfile.csv")!.toString().replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(load.map((r) => [r.BegBates, r.EndBates])).toEqual([["TEST-000001", "TEST-000003"], ["TEST-000004", "TEST-000004"]]);

    const exhibitA = await db.exhibit.findUniqueOrThrow({ where: { id: a.exhibit.id } });
    expect([exhibitA.batesStart, exhibitA.batesEnd]).toEqual([1, 3]);
    expect(await db.auditEvent.count({ where: { entityId: a.exhibit.id, action: "exhibit.produce" } })).toBe(1);
  });

  it("refuses privileged exhibits unless an attorney overrides with a reason", async () => {
    const { matter, paralegal, attorney, outsider } = await makeMatterWithTeam();
    const { exhibit } = await makeExhibit(paralegal, matter.id);
    await db.exhibit.update({ where: { id: exhibit.id }, data: { privilege: "ATTORNEY_CLIENT", privilegeBasis: "advice" } });
    const base = { name: "Vol. 1", exhibitIds: [exhibit.id] };
    const refused = await refusal(createProduction(attorney, matter.id, { ...base, submissionKey: randomUUID() }));
    expect(Object.keys(refused.fieldErrors)).toContain("privilegeOverrideReason");
    const paralegalOverride = await refusal(createProduction(paralegal, matter.id, { ...base, privilegeOverrideReason: "clawback agreed", submissionKey: randomUUID() }));
    expect(paralegalOverride.status).toBe(403);
    expect(await db.production.count({ where: { matterId: matter.id } })).toBe(0);
    const produced = await createProduction(attorney, matter.id, { ...base, privilegeOverrideReason: "Privilege waived by client in writing", submissionKey: randomUUID() });
    expect(produced.privilegeOverrideReason).toBe("Privilege waived by client in writing");
    expect((await refusal(openProductionZip(outsider, matter.id, produced.id))).code).toBe("NOT_FOUND");
    const other = await makeMatterWithTeam();
    const crossMatter = await refusal(createProduction(other.attorney, other.matter.id, { ...base, submissionKey: randomUUID() }));
    expect(crossMatter.code).toBe("NOT_FOUND");
  });

  it("makes one production from a double submit", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const { exhibit } = await makeExhibit(paralegal, matter.id);
    const input = { name: "Vol. 1", exhibitIds: [exhibit.id], submissionKey: randomUUID() };
    const [x, y] = await Promise.all([createProduction(paralegal, matter.id, input), createProduction(paralegal, matter.id, input)]);
    expect(x.id).toBe(y.id);
    expect(await db.production.count({ where: { matterId: matter.id } })).toBe(1);
  });
});

describe("exhibits: integrity sweep", () => {
  it("finds a flipped byte, a missing file and an orphaned file", async () => {
    const { matter, paralegal } = await makeMatterWithTeam();
    const altered = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(`flip ${Math.random()}`), fileName: "flip.txt" });
    const missing = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(`gone ${Math.random()}`), fileName: "gone.txt" });
    const healthy = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from(`fine ${Math.random()}`), fileName: "fine.txt" });
    const keyOf = async (sha: string) => (await db.blob.findUniqueOrThrow({ where: { sha256: sha } })).storageKey;
    const alteredPath = path.join(blobRoot(), await keyOf(altered.exhibit.blobSha256));
    const bytes = await fsp.readFile(alteredPath);
    bytes[0] = bytes[0]! ^ 0x01;
    await fsp.writeFile(alteredPath, bytes);
    await fsp.rm(path.join(blobRoot(), await keyOf(missing.exhibit.blobSha256)));
    const orphanSha = sha256(Buffer.from(`orphan ${Math.random()}`));
    const orphanKey = `${orphanSha.slice(0, 2)}/${orphanSha.slice(2, 4)}/${orphanSha}`;
    await fsp.mkdir(path.dirname(path.join(blobRoot(), orphanKey)), { recursive: true });
    await fsp.writeFile(path.join(blobRoot(), orphanKey), "orphan");

    const report = await unsafeRunIntegritySweep({ trigger: "test" });
    expect(report.altered.map((a) => a.sha256)).toContain(altered.exhibit.blobSha256);
    expect(report.missing).toContain(missing.exhibit.blobSha256);
    expect(report.orphaned).toContain(orphanSha);
    expect(report.missing).not.toContain(healthy.exhibit.blobSha256);
    expect(report.altered.map((a) => a.sha256)).not.toContain(healthy.exhibit.blobSha256);
    const failures = await db.auditEvent.findMany({ where: { matterId: matter.id, action: "exhibit.fail-integrity-check" } });
    expect(failures.map((f) => f.entityId).sort()).toEqual([altered.exhibit.id, missing.exhibit.id].sort());
    expect(await db.auditEvent.count({ where: { action: "integrity.sweep" } })).toBeGreaterThan(0);

    // A sweep of another matter re-hashes only that matter's exhibits and blames nothing here.
    const other = await makeMatterWithTeam();
    const sound = await makeExhibit(other.paralegal, other.matter.id, { bytes: Buffer.from(`other ${Math.random()}`), fileName: "other.txt" });
    const scoped = await unsafeRunIntegritySweep({ trigger: "test", matterId: other.matter.id });
    expect(scoped).toMatchObject({ checked: 1, missing: [], altered: [], orphaned: [] });
    expect(sound.exhibit.blobSha256).toHaveLength(64);
  });
});
