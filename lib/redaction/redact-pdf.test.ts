import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";
import { extractText, definePDFJSModule, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { findRemaining, redactPdf } from "@/lib/redaction/redact-pdf";

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
});
