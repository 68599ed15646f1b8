// `npm run bench -- complaint [--pages 200] [--runs 5]`: a generated pleading-paper complaint of
// about 200 pages (pdfkit) split into ¶s and proposed, end to end from the PDF's bytes, against a
// baseline measured in the same process: bare text extraction of the same PDF with unpdf (what
// exhibit indexing does). Target: split and propose < 3 s.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { generateComplaint } from "../lib/complaint/testing/complaint-model";
import { writeComplaintWithPdfKit } from "../lib/complaint/testing/pleading-writers";
import { COMPLAINT_MEDIA_TYPES, splitComplaintFile } from "../lib/server/complaints/split-complaint-file";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => Number(args[args.indexOf(name) + 1] ?? 0) || fallback;
const PAGES = arg("--pages", 200);
const RUNS = arg("--runs", 5);

// pdf.js warns on stdout at load; the bench's lines are the only output.
const log = console.log;
console.log = () => {};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// About 5.4 ¶s fit a page of this model; grow until the PDF has the pages asked for.
let paragraphs = Math.round(PAGES * 5.4);
let written = await writeComplaintWithPdfKit(generateComplaint({ paragraphs, footnoteEvery: 9, insertedEvery: 25, counts: 6 }));
while (written.pages < PAGES) {
  paragraphs = Math.round(paragraphs * (PAGES / written.pages) + 5);
  written = await writeComplaintWithPdfKit(generateComplaint({ paragraphs, footnoteEvery: 9, insertedEvery: 25, counts: 6 }));
}

type Timing = { wall: number; cpu: number };
// Wall time, and the process's CPU time: on a shared machine the second is the steadier figure.
async function timed(work: () => Promise<void>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

const { definePDFJSModule, extractText, getDocumentProxy } = await import("unpdf");
await definePDFJSModule(() => import("unpdf/pdfjs"));
const baseline = () =>
  timed(async () => {
    const pdf = await getDocumentProxy(new Uint8Array(written.bytes), { verbosity: 0, disableFontFace: true });
    await extractText(pdf, { mergePages: false });
    await pdf.destroy();
  });

let found = 0;
const split = () =>
  timed(async () => {
    const result = await splitComplaintFile(COMPLAINT_MEDIA_TYPES.pdf, written.bytes);
    found = result.paragraphs.length;
  });

// One warm-up each (module load, pdf.js's font tables), then alternate so drift hits both alike.
await baseline();
await split();
const baseTimes: Timing[] = [];
const splitTimes: Timing[] = [];
for (let i = 0; i < RUNS; i++) {
  baseTimes.push(await baseline());
  splitTimes.push(await split());
}
if (found !== written.expected.length) throw new Error(`split found ${found} ¶s, the generator wrote ${written.expected.length}`);

const base = median(baseTimes.map((t) => t.wall));
const full = median(splitTimes.map((t) => t.wall));
const baseCpu = median(baseTimes.map((t) => t.cpu));
const fullCpu = median(splitTimes.map((t) => t.cpu));
log(`complaint.pages: ${written.pages} pages`);
log(`complaint.paragraphs: ${found} ¶s`);
log(`complaint.pdf_size: ${(written.bytes.length / 1024).toFixed(0)} KiB`);
log(`complaint.baseline_text_extraction: ${base.toFixed(0)} ms`);
log(`complaint.split_and_propose: ${full.toFixed(0)} ms`);
log(`complaint.split_over_baseline: ${(full / base).toFixed(2)} x`);
log(`complaint.baseline_cpu: ${baseCpu.toFixed(0)} ms`);
log(`complaint.split_and_propose_cpu: ${fullCpu.toFixed(0)} ms`);
log(`complaint.split_over_baseline_cpu: ${(fullCpu / baseCpu).toFixed(2)} x`);
log(`complaint.load_average: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
log(`complaint.target_under_3s: ${full < 3000 ? "yes" : "no"} (wall); ${fullCpu < 3000 ? "yes" : "no"} (CPU)`);
