import type { PositionedPage, PositionedText } from "@/lib/complaint/types";

// A complaint file that cannot be split; the message is shown to the user as is.
export class ComplaintFileError extends Error {}

export const MAX_COMPLAINT_PAGES = 2000;
export const MAX_COMPLAINT_CHARS = 10_000_000;
// Fewer characters than this per page on average is a scan with at most a stray text object
// (a stamp, a Bates number): not something to split.
const MIN_TEXT_CHARS_PER_PAGE = 20;

// pdf.js throws these by name; matched on the name so the bundled build's classes need not be imported.
function refusal(error: unknown): ComplaintFileError {
  const name = (error as { name?: string })?.name ?? "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException" || /password|encrypt/i.test(message)) {
    return new ComplaintFileError("The PDF is encrypted or password-protected; remove the protection and import it again.");
  }
  return new ComplaintFileError(`The PDF is damaged or is not a PDF (${message.slice(0, 200)}).`);
}

// Every page's text runs with their positions, read with pdf.js (through unpdf). Text is taken
// only from the text layer: an image-only (scanned) PDF is refused, never guessed at.
export async function readPdfPages(bytes: Uint8Array): Promise<PositionedPage[]> {
  const { definePDFJSModule, getDocumentProxy } = await import("unpdf");
  // unpdf 1.0's default resolver looks for an export its bundled PDF.js no longer has.
  await definePDFJSModule(() => import("unpdf/pdfjs"));
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // verbosity 0: pdf.js would otherwise print warnings to stdout, which the CLI's JSON owns.
    // isEvalSupported false: a font program never becomes code.
    // disableFontFace: nothing is rendered, so fonts need not become font faces.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, stopAtErrors: true, disableFontFace: true });
  } catch (error) {
    throw refusal(error);
  }
  try {
    if (pdf.numPages > MAX_COMPLAINT_PAGES) {
      throw new ComplaintFileError(`The PDF has ${pdf.numPages} pages, more than the ${MAX_COMPLAINT_PAGES} a complaint import reads.`);
    }
    const pages: PositionedPage[] = [];
    let chars = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      let page;
      let content;
      try {
        page = await pdf.getPage(number);
        content = await page.getTextContent();
      } catch (error) {
        throw refusal(error);
      }
      const viewport = page.getViewport({ scale: 1 });
      const items: PositionedText[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str === "") continue;
        const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform as number[];
        // Text rotated off the horizontal (a sideways stamp, a vertical margin note) is not body text.
        if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d)) continue;
        // Into top-down page coordinates, relative to the page's view box.
        const [x, y] = viewport.convertToViewportPoint(e, f) as [number, number];
        items.push({ text: item.str, x, y, width: item.width, fontSize: Math.hypot(c, d) || Math.abs(d) });
        chars += item.str.length;
      }
      if (chars > MAX_COMPLAINT_CHARS) {
        throw new ComplaintFileError(`The PDF holds more than ${MAX_COMPLAINT_CHARS.toLocaleString("en-US")} characters of text, more than a complaint import reads.`);
      }
      pages.push({ page: number, width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    const textChars = pages.reduce((n, p) => n + p.items.reduce((m, i) => m + i.text.trim().length, 0), 0);
    if (textChars < MIN_TEXT_CHARS_PER_PAGE * pages.length) {
      throw new ComplaintFileError("The PDF has no text layer (it is a scan or an image); run OCR first, then import the OCR'd PDF.");
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}
