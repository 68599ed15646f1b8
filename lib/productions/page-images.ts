// Image productions' settings and types, apart from the renderer itself (render-pages.ts), so the
// web server's bundle never pulls the native canvas and image encoders in: only the parser
// sandbox's worker loads them.

// JPG: every page a 300 DPI JPEG. TIFF: black-and-white pages as 300 DPI Group IV TIFFs and
// pages with colour as JPEGs (the usual convention: G4 would turn a colour page into noise).
export const PAGE_IMAGE_FORMATS = ["JPG", "TIFF"] as const;
export type PageImageFormat = (typeof PAGE_IMAGE_FORMATS)[number];

export const IMAGE_DPI = 300;
// 36 megapixels: a 17 × 22 in page at 300 DPI. A larger page is drawn at the DPI that fits.
export const MAX_PAGE_PIXELS = 36_000_000;

export type RenderPagesInput = { format: PageImageFormat; firstPage: number; lastPage: number };
export type RenderedPage = { page: number; ext: "jpg" | "tif"; bytes: Uint8Array; width: number; height: number; dpi: number };
export type RenderPagesOutput = { pageCount: number; pages: RenderedPage[] };

// Whatever renders pages: the sandboxed renderer in production, this module's function in tests.
export type PageRenderer = (pdf: Uint8Array, input: RenderPagesInput) => Promise<RenderPagesOutput>;

export class RendererMissing extends Error {}

