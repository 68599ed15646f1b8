// `npm run bench -- page-images [--pages 48]`: an image production's page rendering alone — a
// generated PDF of text pages (every eighth with a colour chart), Bates-stamped as a production
// stamps it, rendered at 300 DPI through the parser sandbox eight pages per worker (as the
// production job does), as JPEG and as Group IV TIFF. Prints pages/s (wall and per CPU second:
// the machine may be shared) and the mean image size, and the ratio to stamping the same PDF.
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import { stampPdf } from "../lib/bates/stamp";

const args = process.argv.slice(2);
const pages = Number(args[args.indexOf("--pages") + 1] ?? 0) || 48;
const PER_RUN = 8;

async function sourcePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const line = "The application transmitted the device identifier to a third-party analytics host without consent. ";
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([612, 792]);
    for (let y = 720, n = 0; y > 90; y -= 14, n++) page.drawText(line.slice((n * 7) % 40) + line.slice(0, (n * 7) % 40), { x: 72, y, size: 9, font });
    if (i % 8 === 7) page.drawRectangle({ x: 150, y: 250, width: 300, height: 200, color: rgb(0.2, 0.4, 0.8) });
  }
  return doc.save();
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; cpuSeconds: number; result: T }> {
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const result = await work();
  const cpu = process.cpuUsage(cpu0);
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpuSeconds: (cpu.user + cpu.system) / 1e6, result };
}

async function main() {
  const source = await sourcePdf();
  const stamp = await timed(() => stampPdf(source, "BENCH", 1, "CONFIDENTIAL"));
  const stamped = stamp.result.bytes;
  console.log(`page-images stamp: ${(pages / stamp.seconds).toFixed(1)} pages/s`);
  // No database is touched; the sandbox module reads the server's configuration on import.
  process.env.DATABASE_URL ??= "postgresql://bench@127.0.0.1:5432/unused";
  const { sandboxPageRenderer } = await import("../lib/server/sandbox/render-in-sandbox");
  const render = sandboxPageRenderer({ memoryMb: 512, timeLimitSeconds: 120 });
  for (const format of ["JPG", "TIFF"] as const) {
    const run = await timed(async () => {
      let bytes = 0;
      let jpegs = 0;
      for (let first = 1; first <= pages; first += PER_RUN) {
        const out = await render(stamped, { format, firstPage: first, lastPage: Math.min(pages, first + PER_RUN - 1) });
        for (const p of out.pages) {
          bytes += p.bytes.length;
          if (p.ext === "jpg") jpegs++;
        }
      }
      return { bytes, jpegs };
    });
    const perSecond = pages / run.seconds;
    console.log(`page-images ${format.toLowerCase()} pages: ${perSecond.toFixed(2)} pages/s`);
    console.log(`page-images ${format.toLowerCase()} image size: ${(run.result.bytes / pages / 1024).toFixed(0)} KiB/page`);
    if (format === "TIFF") console.log(`page-images tiff colour pages as jpeg: ${run.result.jpegs} pages`);
    console.log(`page-images ${format.toLowerCase()} vs stamping: ${(perSecond / (pages / stamp.seconds)).toFixed(3)} ratio`);
    console.log(`page-images ${format.toLowerCase()} main-process cpu: ${(run.cpuSeconds / pages * 1000).toFixed(0)} ms/page`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
