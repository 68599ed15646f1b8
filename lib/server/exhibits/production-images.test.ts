import { createHash, randomUUID } from "node:crypto";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import yauzl from "yauzl";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BLOB_ROOT = `/tmp/proofline-blobs-${process.pid}-${Date.now()}`;
});

import { AppError } from "@/lib/app-error";
import { readDat } from "@/lib/productions/load-files";
import { hasColour, pageScale, RendererMissing, renderPdfPages } from "@/lib/productions/render-pages";
import { db } from "@/lib/server/db";
import { createProduction } from "@/lib/server/exhibits/create-production";
import { openProductionZip } from "@/lib/server/exhibits/production-zip";
import { unsafeFindUnpackagedProductions, unsafeRunProductionPackage } from "@/lib/server/exhibits/run-production-package";
import { ExtractionFailed } from "@/lib/server/sandbox/extract-in-sandbox";
import { makeExhibit, makePdf } from "@/lib/server/testing/exhibit-fixtures";
import { makeMatterWithTeam } from "@/lib/server/testing/fixtures";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const md5 = (b: Uint8Array) => createHash("md5").update(b).digest("hex");

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>();
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, z) => {
      if (err || !z) return reject(err);
      z.readEntry();
      z.on("entry", (entry: yauzl.Entry) => {
        z.openReadStream(entry, async (e, s) => {
          if (e || !s) return reject(e);
          files.set(entry.fileName, await readAll(s));
          z.readEntry();
        });
      });
      z.on("end", () => resolve(files));
    });
  });
}

// A two-page PDF: black text on page one, a red square on page two.
async function colourPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([612, 792]).drawText("Black and white page", { x: 72, y: 700, size: 18, font });
  const two = doc.addPage([612, 792]);
  two.drawText("A colour chart", { x: 72, y: 700, size: 18, font });
  two.drawRectangle({ x: 100, y: 200, width: 300, height: 300, color: rgb(0.9, 0.1, 0.1) });
  return doc.save();
}

const isJpeg = (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const isTiff = (b: Buffer) => b.subarray(0, 4).toString("latin1") === "II*\0" || b.subarray(0, 4).toString("latin1") === "MM\0*";

// Reads a little-endian TIFF's first IFD: width, height, bits per sample, compression.
function tiffTags(b: Buffer): Record<number, number> {
  expect(b.subarray(0, 2).toString("latin1")).toBe("II");
  const ifd = b.readUInt32LE(4);
  const count = b.readUInt16LE(ifd);
  const tags: Record<number, number> = {};
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    const type = b.readUInt16LE(at + 2);
    tags[b.readUInt16LE(at)] = type === 3 ? b.readUInt16LE(at + 8) : b.readUInt32LE(at + 8);
  }
  return tags;
}

// JPEG frame size from the SOF0/SOF2 marker.
function jpegSize(b: Buffer): { width: number; height: number } {
  let at = 2;
  while (at < b.length) {
    const marker = b[at + 1]!;
    const length = b.readUInt16BE(at + 2);
    if (marker === 0xc0 || marker === 0xc2) return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  throw new Error("no SOF marker");
}

describe("page renderer", () => {
  it("renders a letter page at 300 DPI, Group IV TIFF for black and white, JPEG for colour", async () => {
    const out = await renderPdfPages(await colourPdf(), { format: "TIFF", firstPage: 1, lastPage: 2 });
    expect(out.pageCount).toBe(2);
    const [bw, colour] = out.pages;
    expect(bw!.ext).toBe("tif");
    const tags = tiffTags(Buffer.from(bw!.bytes));
    expect([tags[256], tags[257], tags[258], tags[259]]).toEqual([2550, 3300, 1, 4]); // width, height, 1 bit, CCITT G4
    expect(colour!.ext).toBe("jpg");
    expect(jpegSize(Buffer.from(colour!.bytes))).toEqual({ width: 2550, height: 3300 });
    // JFIF density: dots per inch, 300 × 300.
    const jfif = Buffer.from(colour!.bytes);
    expect([jfif[13], jfif.readUInt16BE(14), jfif.readUInt16BE(16)]).toEqual([1, 300, 300]);
    const jpg = await renderPdfPages(await colourPdf(), { format: "JPG", firstPage: 2, lastPage: 9 });
    expect(jpg.pages.map((p) => [p.page, p.ext, p.dpi])).toEqual([[2, "jpg", 300]]);
  });

  it("caps the pixels of an oversized page and tells grey from colour", () => {
    expect(pageScale(612, 792)).toEqual({ scale: 300 / 72, dpi: 300 });
    const poster = pageScale(72 * 48, 72 * 72);
    expect(poster.dpi).toBeLessThan(300);
    expect(48 * poster.dpi * 72 * poster.dpi).toBeLessThanOrEqual(36_000_000 * 1.01);
    const grey = new Uint8Array(4 * 10_000).map((_, i) => (i % 4 === 3 ? 255 : 128));
    expect(hasColour(grey)).toBe(false);
    const red = grey.slice();
    for (let p = 0; p < 100; p++) red.set([230, 20, 20, 255], p * 4);
    expect(hasColour(red)).toBe(true);
  });
});

describe("image productions", () => {
  it("renders each stamped page into IMAGES/ in the production job and lists every page image in the OPT", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const chart = await makeExhibit(paralegal, matter.id, { bytes: await colourPdf(), fileName: "chart.pdf", extract: true });
    const report = await makeExhibit(paralegal, matter.id, { bytes: await makePdf(["Report page one", "two", "three"]), fileName: "report.pdf", extract: true });
    const har = await makeExhibit(paralegal, matter.id, { bytes: Buffer.from('{"log":{"version":"1.2","entries":[]}}'), fileName: "capture.har", extract: true });

    const production = await createProduction(attorney, matter.id, {
      name: "Image production",
      volume: "IMG001",
      images: "TIFF",
      exhibitIds: [chart.exhibit.id, report.exhibit.id, har.exhibit.id],
      submissionKey: randomUUID(),
    });
    // Not packaged on the request: the job renders it, and until then the download says so.
    expect(production.imageFormat).toBe("TIFF");
    expect(production.zipSha256).toBeNull();
    const early = await openProductionZip(attorney, matter.id, production.id).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(AppError);
    expect((early as AppError).message).toContain("still being rendered");
    expect((await unsafeFindUnpackagedProductions()).map((j) => j.data.productionId)).toContain(production.id);
    // The production job was sent, once, keyed by the production.
    const [sent] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'production-package' AND singleton_key = ${production.id}`;
    expect(Number(sent!.n)).toBe(1);

    await unsafeRunProductionPackage(production.id);
    const packaged = await db.production.findUniqueOrThrow({ where: { id: production.id } });
    expect(packaged.packagingError).toBeNull();
    expect(packaged.zipSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(packaged.packagingError).toBeNull();
    expect((await unsafeFindUnpackagedProductions()).map((j) => j.data.productionId)).not.toContain(production.id);

    const zip = await readAll((await openProductionZip(attorney, matter.id, production.id)).stream);
    expect(sha256(zip)).toBe(packaged.zipSha256);
    const files = await unzip(zip);

    // Pages: chart 1–2, report 3–5, HAR slip sheet 6. Every page has its own image.
    const opt = files.get("DATA/IMG001.opt")!.toString("utf8").trimEnd().split("\r\n");
    expect(opt).toEqual([
      "TEST-000001,IMG001,IMAGES\\0001\\TEST-000001.tif,Y,,,2",
      "TEST-000002,IMG001,IMAGES\\0001\\TEST-000002.jpg,,,,",
      "TEST-000003,IMG001,IMAGES\\0001\\TEST-000003.tif,Y,,,3",
      "TEST-000004,IMG001,IMAGES\\0001\\TEST-000004.tif,,,,",
      "TEST-000005,IMG001,IMAGES\\0001\\TEST-000005.tif,,,,",
      "TEST-000006,IMG001,IMAGES\\0001\\TEST-000006.tif,Y,,,1",
    ]);
    for (const line of opt) {
      const image = files.get(line.split(",")[2]!.replaceAll("\\", "/"))!;
      expect(image, line).toBeDefined();
      if (line.includes(".tif")) {
        expect(isTiff(image)).toBe(true);
        const tags = tiffTags(image);
        expect([tags[256], tags[257], tags[259]]).toEqual([2550, 3300, 4]);
      } else {
        expect(isJpeg(image)).toBe(true);
        expect(jpegSize(image)).toEqual({ width: 2550, height: 3300 });
      }
    }
    // The searchable stamped PDFs move to PDF/; the DAT's IMAGEPATH is each document's first page.
    expect([...files.keys()].filter((k) => k.startsWith("PDF/")).sort()).toEqual(["PDF/TEST-000001.pdf", "PDF/TEST-000003.pdf", "PDF/TEST-000006.pdf"]);
    expect([...files.keys()].some((k) => /^IMAGES\/[^/]+\.pdf$/.test(k))).toBe(false);
    const dat = readDat(files.get("DATA/IMG001.dat")!);
    expect(dat.map((r) => r.IMAGEPATH)).toEqual(["IMAGES\\0001\\TEST-000001.tif", "IMAGES\\0001\\TEST-000003.tif", "IMAGES\\0001\\TEST-000006.tif"]);
    expect(dat[2]!.NATIVEPATH).toBe("NATIVES\\TEST-000006.har");

    // Every page image is hashed in the manifest and the checksum lists.
    const manifest = JSON.parse(files.get("DATA/manifest.json")!.toString("utf8"));
    expect(manifest.pageImages).toEqual({ format: "TIFF", dpi: 300, count: 6, colourPagesAsJpeg: 1 });
    const sums = files.get("SHA256SUMS.txt")!.toString("utf8");
    const md5s = files.get("MD5SUMS.txt")!.toString("utf8");
    for (const [name, bytes] of files) {
      if (!name.startsWith("IMAGES/")) continue;
      expect(sums).toContain(`${sha256(bytes)}  ${name}`);
      expect(md5s).toContain(`${md5(bytes)}  ${name}`);
    }
    expect(manifest.items[0].pageImages.map((p: { path: string }) => p.path)).toEqual(["IMAGES/0001/TEST-000001.tif", "IMAGES/0001/TEST-000002.jpg"]);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: production.id, action: "production.create" } });
    expect(audit.details).toMatchObject({ images: "TIFF" });
  });

  it("records why when the pages cannot be rendered, and a later run that works clears it", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const pdf = await makeExhibit(paralegal, matter.id, { bytes: await makePdf(["One page"]), fileName: "one.pdf", extract: true });
    const production = await createProduction(attorney, matter.id, { name: "JPG production", images: "JPG", exhibitIds: [pdf.exhibit.id], submissionKey: randomUUID() });

    const stopped = () => Promise.reject(new ExtractionFailed("Page rendering took longer than 120 s and was stopped; no page images were made."));
    await unsafeRunProductionPackage(production.id, { renderer: stopped });
    let row = await db.production.findUniqueOrThrow({ where: { id: production.id } });
    expect(row.zipSha256).toBeNull();
    expect(row.packagingError).toContain("took longer than 120 s");
    const refused = await openProductionZip(attorney, matter.id, production.id).catch((e: unknown) => e);
    expect((refused as AppError).message).toContain("could not be rendered");
    expect(await db.auditEvent.count({ where: { entityId: production.id, action: "production.package-failed" } })).toBe(1);

    const missing = () => Promise.reject(new RendererMissing("Page images cannot be rendered: the @napi-rs/canvas package is not installed"));
    await unsafeRunProductionPackage(production.id, { renderer: missing });
    row = await db.production.findUniqueOrThrow({ where: { id: production.id } });
    expect(row.packagingError).toContain("@napi-rs/canvas");

    await unsafeRunProductionPackage(production.id, { renderer: renderPdfPages });
    row = await db.production.findUniqueOrThrow({ where: { id: production.id } });
    expect(row.zipSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.packagingError).toBeNull();
    const files = await unzip(await readAll((await openProductionZip(attorney, matter.id, production.id)).stream));
    expect(files.get("DATA/VOL001.opt")!.toString("utf8")).toBe("TEST-000001,VOL001,IMAGES\\0001\\TEST-000001.jpg,Y,,,1\r\n");
    expect(isJpeg(files.get("IMAGES/0001/TEST-000001.jpg")!)).toBe(true);
  });

  it("refuses an unknown image format naming the field", async () => {
    const { matter, paralegal, attorney } = await makeMatterWithTeam();
    const pdf = await makeExhibit(paralegal, matter.id, { bytes: await makePdf(["One page"]), fileName: "one.pdf" });
    const refused = await createProduction(attorney, matter.id, { name: "x", images: "PNG", exhibitIds: [pdf.exhibit.id], submissionKey: randomUUID() }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fieldErrors?.images?.[0]).toContain("Page images");
  });
});
