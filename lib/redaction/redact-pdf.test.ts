import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, PDFString, StandardFonts } from "pdf-lib";
import { extractText, definePDFJSModule, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { findRemaining, findTextInRegions, redactPdf } from "@/lib/redaction/redact-pdf";

async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  await definePDFJSModule(() => import("unpdf/pdfjs"));
  return (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false })).text;
}

const IMEI = "356938035643809";

async function sample(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.setTitle(`Capture of device ${IMEI}`);
  doc.setSubject("Device identifiers");
  const one = doc.addPage([612, 792]);
  one.drawText(`Device IMEI ${IMEI} sent to alog.umeng.com`, { x: 72, y: 700, size: 12, font });
  one.drawText("Misty Hong's phone number 555-0134 appears in the payload.", { x: 72, y: 680, size: 12, font });
  const two = doc.addPage([612, 792]);
  two.drawText(`Again: ${IMEI.toUpperCase()} and the Android ID.`, { x: 72, y: 700, size: 12, font });
  // An annotation that repeats the IMEI in its comment.
  const annot = doc.context.obj({ Type: "Annot", Subtype: "Text", Rect: [72, 600, 92, 620], Contents: PDFString.of(`note: ${IMEI}`) });
  two.node.set(PDFName.of("Annots"), doc.context.obj([doc.context.register(annot)]));
  return doc.save();
}

describe("redaction", () => {
  it("removes the strings from the content streams, metadata and annotations and keeps the other text", async () => {
    const original = await sample();
    expect((await pageTexts(original)).join(" ")).toContain(IMEI);
    const { bytes, counts, metadataScrubbed } = await redactPdf(original, [IMEI, "555-0134"]);
    expect(counts).toEqual([
      { term: 0, page: 1, count: 1 },
      { term: 1, page: 1, count: 1 },
      { term: 0, page: 2, count: 1 },
    ]);
    expect(metadataScrubbed).toBeGreaterThanOrEqual(2);
    const texts = await pageTexts(bytes);
    expect(texts.join(" ")).not.toContain(IMEI);
    expect(texts.join(" ")).not.toContain("555-0134");
    expect(texts[0]).toContain("sent to alog.umeng.com");
    expect(texts[0]).toContain("Misty Hong's phone number");
    expect(texts[1]).toContain("and the Android ID");
    expect(await findRemaining(bytes, [IMEI, "555-0134"])).toEqual([]);
    // Written fresh: no incremental update carries the old content.
    expect(Buffer.from(bytes).toString("latin1").match(/%%EOF/g)).toHaveLength(1);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe("Capture of device ");
    expect(doc.getPages()[1]!.node.Annots()?.size() ?? 0).toBe(0);
    // The original is untouched and still holds everything.
    expect(await findRemaining(original, [IMEI])).toEqual([IMEI]);
  });

  it("finds a term split by kerning across the pieces of one TJ array", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    page.drawText("placeholder", { x: 72, y: 700, size: 12, font });
    const fontKey = [...page.node.Resources()!.lookup(PDFName.of("Font"), (await import("pdf-lib")).PDFDict).keys()][0]!.decodeText();
    const content = `BT /${fontKey} 12 Tf 72 650 Td [(IMEI 3569) -20 (38035643809 kept tail)] TJ ET`;
    page.node.set(PDFName.of("Contents"), doc.context.register(doc.context.flateStream(content)));
    const redacted = await redactPdf(await doc.save(), [IMEI]);
    expect(redacted.counts).toEqual([{ term: 0, page: 1, count: 1 }]);
    const text = (await pageTexts(redacted.bytes)).join(" ");
    expect(text).not.toContain("3569");
    expect(text).toContain("kept tail");
    expect(await findRemaining(redacted.bytes, [IMEI])).toEqual([]);
  });

  it("removes the glyphs inside a region, keeps the rest of the line extractable, and paints a black box", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    const before = "Sent from ";
    page.drawText(`${before}IMEI ${IMEI} to alog.umeng.com`, { x: 72, y: 700, size: 12, font });
    page.drawText("A line below the region stays whole.", { x: 72, y: 660, size: 12, font });
    const original = await doc.save();
    // Around "IMEI 356938035643809" on the first line, in user space.
    const x = 72 + font.widthOfTextAtSize(before, 12) - 1;
    const region = { page: 1, x, y: 695, width: font.widthOfTextAtSize(`IMEI ${IMEI}`, 12) + 2, height: 16 };
    expect(await findTextInRegions(original, [region])).toEqual([20]);

    const result = await redactPdf(original, [], [region]);
    expect(result.regionCounts).toEqual([20]);
    const [text] = await pageTexts(result.bytes);
    expect(text).not.toContain(IMEI);
    expect(text).not.toContain("IMEI");
    expect(text).toContain("Sent from");
    expect(text).toContain("to alog.umeng.com");
    expect(text).toContain("A line below the region stays whole.");
    // Verification reads the copy again: nothing is shown inside the region any more.
    expect(await findTextInRegions(result.bytes, [region])).toEqual([0]);
    // The last content stream paints the region opaque black, in default user space.
    const contents = (await PDFDocument.load(result.bytes)).getPages()[0]!.node.lookup(PDFName.of("Contents"), PDFArray);
    const last = contents.lookup(contents.size() - 1, PDFRawStream);
    const painted = Buffer.from(decodePDFRawStream(last).decode()).toString("latin1");
    expect(painted).toContain("0 0 0 rg");
    expect(painted).toContain(`${Math.round(x * 1000) / 1000} 695 `);
    expect(painted).toMatch(/re\nf\nQ/);
  });

  it("paints a box over each search hit where it was shown", async () => {
    const result = await redactPdf(await sample(), [IMEI]);
    const hits = result.boxes.filter((b) => b.page === 1);
    expect(hits).toHaveLength(1);
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(hits[0]!.x).toBeCloseTo(72 + font.widthOfTextAtSize("Device IMEI ", 12) - 0.5, 0);
    expect(hits[0]!.width).toBeCloseTo(font.widthOfTextAtSize(IMEI, 12) + 1, 0);
    expect(hits[0]!.y).toBeLessThan(700);
    expect(hits[0]!.y + hits[0]!.height).toBeGreaterThan(700);
  });

  it("searches and redacts text in a composite (CID) font through its ToUnicode map", async () => {
    // pdf-lib embeds a TrueType font as Type0 / Identity-H with a ToUnicode CMap, as most
    // producers do for anything beyond Latin-1.
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(await readFile(path.join(process.cwd(), "node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf")), { subset: true });
    const page = doc.addPage([612, 792]);
    page.drawText(`Hong ${IMEI} end`, { x: 72, y: 700, size: 12, font });
    const original = await doc.save();
    expect((await pageTexts(original))[0]).toContain(IMEI);
    const result = await redactPdf(original, [IMEI]);
    expect(result.counts).toEqual([{ term: 0, page: 1, count: 1 }]);
    expect(result.compositeFonts).toBe(false);
    const [text] = await pageTexts(result.bytes);
    expect(text).not.toContain(IMEI);
    expect(text).toContain("Hong");
    expect(text).toContain("end");
    // The glyph codes of the term are gone from the content: each is two bytes, found by the CMap.
    const page1 = (await PDFDocument.load(result.bytes)).getPages()[0]!.node.lookup(PDFName.of("Contents"), PDFArray);
    expect(page1.size()).toBe(3);
    // Text a region covers goes the same way in a composite font.
    const region = { page: 1, x: 60, y: 690, width: 40, height: 20 };
    const byRegion = await redactPdf(original, [], [region]);
    expect(byRegion.regionCounts[0]).toBeGreaterThan(0);
    expect(await findTextInRegions(byRegion.bytes, [region])).toEqual([0]);
    expect((await pageTexts(byRegion.bytes))[0]).toContain("end");
  });
});
