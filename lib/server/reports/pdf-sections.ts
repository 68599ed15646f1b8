import "server-only";
import PDFDocument from "pdfkit";
import type { Column } from "@/lib/server/reports/pdf-table";

// One titled part of a paper: a paragraph or two, then a table (or a line saying it is empty).
export type PaperSection = { heading: string; intro?: string[]; columns: Column[]; rows: string[][]; empty?: string };

type SectionsDoc = {
  title: string;
  subtitle?: string;
  sections: PaperSection[];
  footer?: string[];
  // Printed at the bottom left of every page, beside "Page x of y".
  pageFooter: string;
  runningHead?: string;
};

// A printable paper of several tables (the methodology appendix), portrait, header rows repeated
// on each page a table continues on, page numbers and the generation line on every page.
export async function renderSectionsPdf(spec: SectionsDoc): Promise<Buffer> {
  const doc = new PDFDocument({ size: "LETTER", layout: "portrait", margin: 48, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 20;
  const newPage = () => {
    doc.addPage();
    if (spec.runningHead) doc.font("Helvetica").fontSize(8).fillColor("#333").text(spec.runningHead, left, doc.y, { width: usable }).fillColor("black").moveDown(0.5);
  };

  doc.font("Helvetica-Bold").fontSize(14).text(spec.title);
  if (spec.subtitle) doc.font("Helvetica").fontSize(9).fillColor("#333").text(spec.subtitle).fillColor("black");
  doc.moveDown(0.6);

  for (const section of spec.sections) {
    if (doc.y > bottom() - 80) newPage();
    doc.moveDown(0.6);
    doc.font("Helvetica-Bold").fontSize(11).text(section.heading, left, doc.y, { width: usable }).moveDown(0.3);
    for (const line of section.intro ?? []) doc.font("Helvetica").fontSize(8.5).text(line, left, doc.y, { width: usable }).moveDown(0.3);
    const scale = usable / section.columns.reduce((a, c) => a + c.width, 0);
    const widths = section.columns.map((c) => c.width * scale);
    const drawRow = (cells: string[], bold: boolean) => {
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(7.5);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || " ", { width: widths[i]! - 6 }))) + 6;
      if (doc.y + h > bottom()) {
        newPage();
        if (!bold) drawRow(section.columns.map((c) => c.header), true);
        doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(7.5);
      }
      const y = doc.y;
      let x = left;
      cells.forEach((c, i) => {
        doc.text(c || "", x + 3, y + 3, { width: widths[i]! - 6 });
        x += widths[i]!;
      });
      doc.moveTo(left, y + h).lineTo(left + usable, y + h).lineWidth(bold ? 1 : 0.3).stroke();
      doc.x = left;
      doc.y = y + h;
    };
    if (section.rows.length === 0) {
      doc.font("Helvetica-Oblique").fontSize(8.5).text(section.empty ?? "None.", left, doc.y, { width: usable });
      continue;
    }
    drawRow(section.columns.map((c) => c.header), true);
    for (const row of section.rows) drawRow(row, false);
  }
  if (spec.footer) {
    doc.moveDown(1.2);
    for (const line of spec.footer) {
      if (doc.y > bottom() - 30) newPage();
      doc.font("Helvetica").fontSize(8.5).text(line, left, doc.y, { width: usable }).moveDown(0.5);
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 30;
    doc.font("Helvetica").fontSize(7);
    doc.text(spec.pageFooter, left, y, { width: usable - 70, lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, left + usable - 70, y, { width: 70, align: "right", lineBreak: false });
  }
  doc.end();
  return done;
}
