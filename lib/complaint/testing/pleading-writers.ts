import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import PDFKit from "pdfkit";
import yazl from "yazl";
import type { ComplaintModel, ExpectedParagraph } from "@/lib/complaint/testing/complaint-model";
import { BODY_LEFT, layoutPleading, PAGE_HEIGHT, PAGE_WIDTH } from "@/lib/complaint/testing/pleading-layout";

// Two PDF producers (pdfkit and pdf-lib write different content streams, fonts and object
// layouts) and a DOCX writer, so the splitter is not tuned to one producer's quirks.

export type WrittenComplaint = { bytes: Buffer; expected: ExpectedParagraph[]; pages: number };
const CASE_NUMBER = "5:19-cv-07792";

export async function writeComplaintWithPdfKit(model: ComplaintModel): Promise<WrittenComplaint> {
  const doc = new PDFKit({ size: "LETTER", margin: 0, autoFirstPage: false, info: { Title: "Class Action Complaint" } });
  doc.font("Times-Roman");
  const measure = (text: string, size: number) => doc.fontSize(size).widthOfString(text);
  const { pages, expected } = layoutPleading(model, measure, { caseNumber: CASE_NUMBER, ecfHeaderSize: 12 });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  for (const page of pages) {
    doc.addPage({ size: "LETTER", margin: 0 });
    doc.moveTo(BODY_LEFT - 12, 0).lineTo(BODY_LEFT - 12, PAGE_HEIGHT).stroke();
    for (const t of [...page.lineNumbers, ...(page.runningHeader ? [page.runningHeader] : []), ...page.texts, ...page.footer]) {
      doc.fontSize(t.size).text(t.text, t.x, t.y, { lineBreak: false, baseline: "alphabetic" });
    }
  }
  doc.end();
  await ended;
  return { bytes: Buffer.concat(chunks), expected, pages: pages.length };
}

export async function writeComplaintWithPdfLib(model: ComplaintModel): Promise<WrittenComplaint> {
  const pdf = await PDFDocument.create();
  pdf.setProducer("pdf-lib fixture");
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const measure = (text: string, size: number) => font.widthOfTextAtSize(text, size);
  const { pages, expected } = layoutPleading(model, measure, { caseNumber: CASE_NUMBER, ecfHeaderSize: 9 });
  for (const placed of pages) {
    const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    page.drawLine({ start: { x: BODY_LEFT - 12, y: 0 }, end: { x: BODY_LEFT - 12, y: PAGE_HEIGHT }, thickness: 0.5, color: rgb(0, 0, 0) });
    for (const t of [...placed.lineNumbers, ...(placed.runningHeader ? [placed.runningHeader] : []), ...placed.texts, ...placed.footer]) {
      page.drawText(t.text, { x: t.x, y: PAGE_HEIGHT - t.y, size: t.size, font });
    }
  }
  return { bytes: Buffer.from(await pdf.save()), expected, pages: pages.length };
}

// An image-only page, as a scanner makes: no text objects at all.
export async function writeImageOnlyPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  page.drawRectangle({ x: 72, y: 72, width: 400, height: 600, color: rgb(0.9, 0.9, 0.9) });
  return Buffer.from(await pdf.save());
}

const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

// A Word complaint whose ¶ numbers are auto-numbering (numbering.xml), not typed: a decimal list
// with a lettered second level for sub-lists, footnotes in their own part, a centered caption.
export async function writeComplaintDocx(model: ComplaintModel): Promise<{ bytes: Buffer; expected: { label: string; heading: string | null; text: string }[] }> {
  const body: string[] = [];
  const footnotes: string[] = [];
  const expected: { label: string; heading: string | null; text: string }[] = [];
  const paragraph = (text: string, props = "") => `<w:p><w:pPr>${props}</w:pPr><w:r><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;
  for (const line of model.caption) body.push(paragraph(line, /^(UNITED|NORTHERN)/.test(line) ? '<w:jc w:val="center"/>' : ""));
  let heading: string | null = null;
  for (const block of model.blocks) {
    if (block.type === "heading") {
      for (const line of block.lines) body.push(paragraph(line, /^[A-Z]\.\s/.test(line) ? '<w:pStyle w:val="Heading2"/>' : '<w:jc w:val="center"/>'));
      heading = block.lines.join(" — ");
      continue;
    }
    // A typed label ("12a") where the amendment inserted a ¶ outside the auto-numbered list.
    const typed = /[a-z]$/.test(block.label);
    const runs = block.text
      .split("\n")
      .map((part, i) => `${i > 0 ? "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>" : ""}<w:r><w:t xml:space="preserve">${xml(typed && i === 0 ? `${block.label}. ${part}` : part)}</w:t></w:r>`)
      .join("");
    let note = "";
    if (block.footnote) {
      const id = footnotes.length + 1;
      footnotes.push(`<w:footnote w:id="${id}"><w:p><w:r><w:t>${xml(block.footnote)}</w:t></w:r></w:p></w:footnote>`);
      note = `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
    }
    body.push(`<w:p><w:pPr>${typed ? "" : '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'}<w:ind w:firstLine="720"/></w:pPr>${runs}${note}</w:p>`);
    const subItems = (block.subItems ?? []).map((s) => s.replace(/^\([a-z]\)\s*/, ""));
    subItems.forEach((s) => body.push(`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${xml(s)}</w:t></w:r></w:p>`));
    if (block.quote) body.push(paragraph(block.quote, '<w:ind w:left="1440" w:right="1440"/>'));
    expected.push({
      label: block.label,
      heading,
      text: [block.text.replace(/\n/g, " "), ...subItems.map((s, i) => `\n(${String.fromCharCode(97 + i)}) ${s}`), block.quote ? ` ${block.quote}` : ""].join(""),
    });
  }
  const parts: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    "word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body.join("")}<w:sectPr/></w:body></w:document>`,
    "word/numbering.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    "word/footnotes.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes ${W}>${footnotes.join("")}</w:footnotes>`,
    "docProps/app.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Pages>${Math.max(1, Math.ceil(expected.length / 4))}</Pages></Properties>`,
  };
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(parts)) zip.addBuffer(Buffer.from(text, "utf8"), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return { bytes: Buffer.concat(chunks), expected };
}
