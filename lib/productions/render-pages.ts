import path from "node:path";

// Page images for an image production, rendered offline from the Bates-stamped PDF: pdf.js
// (pdfjs-dist, a direct dependency) draws each page on @napi-rs/canvas (pdf.js's own optional
// dependency for Node), which encodes the JPEGs; sharp (Next's optional image dependency)
// thresholds a black-and-white page and writes it as a CCITT Group IV TIFF. Both native packages are prebuilt binaries in
// node_modules; when either is missing the render says so by name instead of producing nothing.
// Runs in the parser sandbox (lib/server/sandbox), a few pages per worker, so the heap and the
// time of one run are bounded; the pixel cap below bounds the canvas, which lives outside the heap.

import { IMAGE_DPI, MAX_PAGE_PIXELS, RendererMissing, type RenderPagesInput, type RenderPagesOutput, type RenderedPage } from "@/lib/productions/page-images";

export { RendererMissing };

const JPEG_QUALITY = 85;
// A page counts as colour when more than this share of its pixels is visibly not grey.
const COLOUR_SHARE = 0.0005;
const COLOUR_DISTANCE = 24;

async function loadNative() {
  const missing = (name: string, why: string) =>
    new RendererMissing(`Page images cannot be rendered: the ${name} package is not installed (${why}). Run npm ci on a supported platform, or produce without page images.`);
  const canvas = await import("@napi-rs/canvas").catch(() => {
    throw missing("@napi-rs/canvas", "pdf.js draws pages on it");
  });
  const sharp = await import("sharp").then((m) => m.default).catch(() => {
    throw missing("sharp", "it encodes the JPEG and Group IV TIFF files");
  });
  return { createCanvas: canvas.createCanvas, sharp };
}

// Writes the resolution into a JPEG's JFIF header (units: dots per inch), as scanners do, so a
// viewer prints the page at its size. A JPEG without a JFIF header is left as it is.
export function setJfifDensity(jpeg: Uint8Array, dpi: number): Uint8Array {
  const jfif = jpeg[0] === 0xff && jpeg[1] === 0xd8 && jpeg[2] === 0xff && jpeg[3] === 0xe0 && String.fromCharCode(...jpeg.subarray(6, 11)) === "JFIF\0";
  if (!jfif) return jpeg;
  const view = new DataView(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  view.setUint8(13, 1);
  view.setUint16(14, dpi);
  view.setUint16(16, dpi);
  return jpeg;
}

export function pageScale(widthPt: number, heightPt: number): { scale: number; dpi: number } {
  const full = IMAGE_DPI / 72;
  const pixels = widthPt * full * heightPt * full;
  if (pixels <= MAX_PAGE_PIXELS) return { scale: full, dpi: IMAGE_DPI };
  const scale = full * Math.sqrt(MAX_PAGE_PIXELS / pixels);
  return { scale, dpi: Math.floor(scale * 72) };
}

// True when enough pixels carry colour that a bilevel image would lose what the page shows.
// Every `step`-th pixel is looked at (a 300 DPI page has 8 million; colour worth keeping covers
// far more than a few of them).
export function hasColour(rgba: Uint8Array | Uint8ClampedArray, step = 3): boolean {
  const pixels = rgba.length / 4;
  const allowed = Math.max(1, Math.floor((pixels / step) * COLOUR_SHARE));
  let coloured = 0;
  for (let i = 0; i < rgba.length; i += 4 * step) {
    const r = rgba[i]!;
    const g = rgba[i + 1]!;
    const b = rgba[i + 2]!;
    if (Math.max(r, g, b) - Math.min(r, g, b) > COLOUR_DISTANCE && ++coloured > allowed) return true;
  }
  return false;
}

// Renders pages firstPage..lastPage (1-based, clipped to the document) of a PDF.
export async function renderPdfPages(pdf: Uint8Array, input: RenderPagesInput): Promise<RenderPagesOutput> {
  const { createCanvas, sharp } = await loadNative();
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const fonts = path.join(process.cwd(), "node_modules/pdfjs-dist/standard_fonts/");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: fonts, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: RenderedPage[] = [];
    const last = Math.min(input.lastPage, doc.numPages);
    for (let n = Math.max(1, input.firstPage); n <= last; n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const { scale, dpi } = pageScale(base.width, base.height);
      const viewport = page.getViewport({ scale });
      const width = Math.max(1, Math.round(viewport.width));
      const height = Math.max(1, Math.round(viewport.height));
      const canvas = createCanvas(width, height);
      const context = canvas.getContext("2d");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, width, height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
      page.cleanup();
      // The pixels are read back only to choose G4 or JPEG and to threshold for G4.
      const rgba = input.format === "TIFF" ? context.getImageData(0, 0, width, height).data : null;
      if (rgba && !hasColour(rgba)) {
        const raw = sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), { raw: { width, height, channels: 4 } }).removeAlpha();
        const bytes = await raw.threshold(128).toColourspace("b-w").tiff({ compression: "ccittfax4", bitdepth: 1, xres: dpi / 25.4, yres: dpi / 25.4, resolutionUnit: "inch" }).toBuffer();
        pages.push({ page: n, ext: "tif", bytes: new Uint8Array(bytes), width, height, dpi });
      } else {
        const bytes = setJfifDensity(new Uint8Array(await canvas.encode("jpeg", JPEG_QUALITY)), dpi);
        pages.push({ page: n, ext: "jpg", bytes, width, height, dpi });
      }
    }
    return { pageCount: doc.numPages, pages };
  } finally {
    await doc.destroy();
  }
}
