// pdf.js parses PDFs in this module worker, bundled by Next.js and served from our own origin
// (the page policy's worker-src allows 'self'; no CDN).
import "pdfjs-dist/build/pdf.worker.min.mjs";
