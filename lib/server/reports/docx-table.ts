import "server-only";
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { Column } from "@/lib/server/reports/pdf-table";

type DocxPaper = {
  title: string;
  subtitle?: string;
  notice?: string[];
  columns: Column[];
  rows: string[][];
  footer?: string[];
  pageFooter?: string;
};

// The same paper as renderTablePdf, as a Word document a lawyer can edit before signing: the
// blanks stay typeable text, the table stays a table.
export async function renderTableDocx(spec: DocxPaper): Promise<Buffer> {
  const total = spec.columns.reduce((a, c) => a + c.width, 0);
  const cell = (text: string, bold: boolean, width: number) =>
    new TableCell({
      width: { size: Math.round((width / total) * 5000), type: WidthType.PERCENTAGE },
      children: [new Paragraph({ children: [new TextRun({ text, bold, size: 16 })] })],
    });
  const table = new Table({
    width: { size: 5000, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: spec.columns.map((c) => cell(c.header, true, c.width)) }),
      ...spec.rows.map((row) => new TableRow({ children: row.map((text, i) => cell(text, false, spec.columns[i]!.width)) })),
    ],
  });
  const doc = new Document({
    creator: "Proofline",
    title: spec.title,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.LEFT,
                children: [
                  new TextRun({ text: spec.pageFooter ? `${spec.pageFooter}    ` : "", size: 14 }),
                  new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES], size: 14 }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: spec.title })] }),
          ...(spec.subtitle ? [new Paragraph({ children: [new TextRun({ text: spec.subtitle, size: 18 })] })] : []),
          ...(spec.notice ?? []).map((line) => new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: line, bold: true, color: "8A1C1C", size: 18 })] })),
          new Paragraph({ text: "" }),
          table,
          ...(spec.footer ?? []).map((line) => new Paragraph({ spacing: { before: 160 }, children: [new TextRun({ text: line, size: 18 })] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
