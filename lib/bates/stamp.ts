import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import { batesLabel } from "@/lib/bates/format";

export const LEGENDS = {
  PUBLIC: "",
  CONFIDENTIAL: "CONFIDENTIAL",
  AEO: "HIGHLY CONFIDENTIAL - ATTORNEYS' EYES ONLY",
} as const;

// Stamps each page bottom-right with its Bates number and bottom-left with the confidentiality
// legend. Returns a new PDF; the original bytes are not touched.
export async function stampPdf(bytes: Uint8Array, prefix: string, firstNumber: number, legend: string): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  const size = 9;
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const { x, y, width } = page.getCropBox();
    const label = batesLabel(prefix, firstNumber + i);
    const labelWidth = font.widthOfTextAtSize(label, size);
    // A white box under the text keeps the number legible over page content.
    page.drawRectangle({ x: x + width - labelWidth - 30, y: y + 14, width: labelWidth + 12, height: size + 6, color: rgb(1, 1, 1) });
    page.drawText(label, { x: x + width - labelWidth - 24, y: y + 18, size, font, color: rgb(0, 0, 0) });
    if (legend) {
      const legendWidth = font.widthOfTextAtSize(legend, size);
      page.drawRectangle({ x: x + 18, y: y + 14, width: legendWidth + 12, height: size + 6, color: rgb(1, 1, 1) });
      page.drawText(legend, { x: x + 24, y: y + 18, size, font, color: rgb(0, 0, 0) });
    }
  });
  return { bytes: await doc.save(), pages: pages.length };
}
