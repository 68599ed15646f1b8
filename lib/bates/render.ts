import { PDFDocument, StandardFonts, type PDFFont } from "pdf-lib";

const LETTER: [number, number] = [612, 792];
const MARGIN = 72;
const SIZE = 10;
const LEADING = 12;
// Courier is monospaced, so wrapping is counting: 468 pt of line at 6 pt per character.
const COLUMNS = Math.floor((LETTER[0] - 2 * MARGIN) / (SIZE * 0.6));
// Leaves the bottom margin free for the Bates number and legend stamped afterwards.
const ROWS = Math.floor((LETTER[1] - 2 * MARGIN) / LEADING);

// The standard PDF fonts carry only WinAnsi characters; anything else is shown as "?" on the
// page. The produced TEXT/ file keeps the exact text.
function printable(font: PDFFont, line: string): string {
  const known = new Set(font.getCharacterSet());
  return [...line].map((c) => (known.has(c.codePointAt(0)!) ? c : "?")).join("");
}

function wrap(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/\t/g, "    ").split(/\r\n|\r|\n/)) {
    const chars = [...raw];
    if (chars.length === 0) out.push("");
    for (let i = 0; i < chars.length; i += COLUMNS) out.push(chars.slice(i, i + COLUMNS).join(""));
  }
  return out;
}

// Sets a text or e-mail exhibit's extracted pages as letter-size PDF pages (each source page
// starts a new one), ready to be Bates-stamped like any PDF.
export async function renderTextPdf(pages: readonly string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Courier);
  for (const text of pages.length ? pages : [""]) {
    const lines = wrap(text);
    for (let start = 0; start === 0 || start < lines.length; start += ROWS) {
      const page = doc.addPage(LETTER);
      lines.slice(start, start + ROWS).forEach((line, i) => {
        if (line) page.drawText(printable(font, line), { x: MARGIN, y: LETTER[1] - MARGIN - i * LEADING, size: SIZE, font });
      });
    }
  }
  return doc.save();
}

// The page that stands in a production for a file produced natively: it takes the file's Bates
// number, so the numbering has no gap and the image set shows where the native belongs.
export async function renderSlipSheet(fields: { bates: string; fileName: string; nativePath: string; legend: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage(LETTER);
  const centre = (text: string, y: number, font: PDFFont, size: number) => {
    const shown = printable(font, text).slice(0, 90);
    page.drawText(shown, { x: (LETTER[0] - font.widthOfTextAtSize(shown, size)) / 2, y, size, font });
  };
  centre("Document produced in native format", 460, bold, 20);
  centre(fields.bates, 420, bold, 16);
  centre(`Original file name: ${fields.fileName}`, 380, regular, 11);
  centre(`Produced as: ${fields.nativePath}`, 362, regular, 11);
  if (fields.legend) centre(fields.legend, 320, bold, 12);
  return doc.save();
}
