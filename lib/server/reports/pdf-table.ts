import "server-only";
import PDFDocument from "pdfkit";

export type Column = { header: string; width: number };

type TableDoc = {
  title: string;
  subtitle: string;
  columns: Column[];
  rows: string[][];
  // Printed under the table (certification text, notes).
  footer?: string[];
  landscape?: boolean;
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

  doc.font("Helvetica-Bold").fontSize(14).text(spec.title, { align: "left" });
  doc.font("Helvetica").fontSize(9).fillColor("#333").text(spec.subtitle).moveDown(0.8).fillColor("black");

  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8);
    const heights = cells.map((c, i) => doc.heightOfString(c || " ", { width: widths[i]! - 6 }));
    const h = Math.max(...heights) + 6;
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (!bold) drawRow(spec.columns.map((c) => c.header), true);
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
      if (doc.y > bottom() - 30) doc.addPage();
      doc.font("Helvetica").fontSize(9).text(line, left, doc.y, { width: usable }).moveDown(0.6);
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(8).text(`Page ${i + 1} of ${range.count}`, left, doc.page.height - 30, { width: usable, align: "right", lineBreak: false });
  }
  doc.end();
  return done;
}
