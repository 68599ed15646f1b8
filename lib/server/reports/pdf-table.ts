import "server-only";
import PDFDocument from "pdfkit";

export type Column = { header: string; width: number };

// A row of labelled boxes above the table (the AO 187 caption block): label small, value below.
export type HeaderBox = { label: string; value: string; width?: number };

type TableDoc = {
  title: string;
  subtitle?: string;
  // Printed under the title in bold: what a person must complete before the paper is used.
  notice?: string[];
  header?: HeaderBox[][];
  columns: Column[];
  rows: string[][];
  // Printed under the table (certification text, notes).
  footer?: string[];
  landscape?: boolean;
  // Printed at the top of every page after the first, so a loose page still names its case.
  runningHead?: string;
  // Printed at the bottom left of every page, beside "Page x of y": when and under which audit
  // event the paper was generated.
  pageFooter?: string;
  fontSize?: number;
};

// A plain printable table: title block, repeated header row on each page, page numbers.
export async function renderTablePdf(spec: TableDoc): Promise<Buffer> {
  const doc = new PDFDocument({ size: "LETTER", layout: spec.landscape === false ? "portrait" : "landscape", margin: 40, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const scale = usable / spec.columns.reduce((a, c) => a + c.width, 0);
  const widths = spec.columns.map((c) => c.width * scale);
  const bottom = () => doc.page.height - doc.page.margins.bottom - 20;
  const size = spec.fontSize ?? 8;

  const newPage = () => {
    doc.addPage();
    if (spec.runningHead) {
      doc.font("Helvetica").fontSize(8).fillColor("#333").text(spec.runningHead, left, doc.y, { width: usable }).fillColor("black");
      doc.moveDown(0.5);
    }
  };

  doc.font("Helvetica-Bold").fontSize(14).text(spec.title, { align: "left" });
  if (spec.subtitle) doc.font("Helvetica").fontSize(9).fillColor("#333").text(spec.subtitle).fillColor("black");
  doc.moveDown(0.6);
  for (const line of spec.notice ?? []) {
    doc.font("Helvetica-Bold").fontSize(9).fillColor("#8a1c1c").text(line, left, doc.y, { width: usable }).fillColor("black").moveDown(0.3);
  }
  if (spec.notice?.length) doc.moveDown(0.4);

  for (const boxes of spec.header ?? []) {
    const total = boxes.reduce((a, b) => a + (b.width ?? 1), 0);
    const boxWidths = boxes.map((b) => (usable * (b.width ?? 1)) / total);
    doc.fontSize(9);
    const heights = boxes.map((b, i) => doc.font("Helvetica").heightOfString(b.value || " ", { width: boxWidths[i]! - 8 }));
    const h = Math.max(...heights) + 18;
    const y = doc.y;
    let x = left;
    boxes.forEach((b, i) => {
      doc.rect(x, y, boxWidths[i]!, h).lineWidth(0.5).stroke();
      doc.font("Helvetica-Bold").fontSize(6.5).text(b.label.toUpperCase(), x + 4, y + 3, { width: boxWidths[i]! - 8, lineBreak: false });
      doc.font("Helvetica").fontSize(9).text(b.value, x + 4, y + 12, { width: boxWidths[i]! - 8 });
      x += boxWidths[i]!;
    });
    doc.x = left;
    doc.y = y + h;
  }
  if (spec.header?.length) doc.moveDown(0.8);

  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(size);
    const heights = cells.map((c, i) => doc.heightOfString(c || " ", { width: widths[i]! - 6 }));
    const h = Math.max(...heights) + 6;
    if (doc.y + h > bottom()) {
      newPage();
      if (!bold) drawRow(spec.columns.map((c) => c.header), true);
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(size);
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

  drawRow(spec.columns.map((c) => c.header), true);
  for (const row of spec.rows) drawRow(row, false);
  if (spec.rows.length === 0) doc.font("Helvetica-Oblique").fontSize(9).text("No entries.", left, doc.y + 6);
  if (spec.footer) {
    doc.moveDown(1.5);
    for (const line of spec.footer) {
      if (doc.y > bottom() - 30) newPage();
      doc.font("Helvetica").fontSize(9).text(line, left, doc.y, { width: usable }).moveDown(0.6);
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 30;
    doc.font("Helvetica").fontSize(7.5);
    if (spec.pageFooter) doc.text(spec.pageFooter, left, y, { width: usable - 80, lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, left + usable - 80, y, { width: 80, align: "right", lineBreak: false });
  }
  doc.end();
  return done;
}
