// `npm run bench -- har [--size-mib 100]`: a generated HAR of that size analysed by the streaming
// analyzer (lib/analyzer/har), as a ratio to a bare JSON.parse of the same file in the same run,
// with the process's peak resident-memory growth sampled during each.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_TEST_DEVICE, generateCapture } from "../lib/analyzer/har/generate-capture";
import { analyzeHar } from "../lib/analyzer/har/analyze-har";
import { ipCountryLookup } from "../lib/analyzer/ip-country";
import { curatedKnowledgeBase } from "../lib/analyzer/kb/knowledge-base";

const args = process.argv.slice(2);
const sizeMiB = Number(args[args.indexOf("--size-mib") + 1] ?? 0) || 100;
const file = path.join(os.tmpdir(), `bench-har-${process.pid}.har`);

async function writeCapture(): Promise<number> {
  const out = fs.createWriteStream(file);
  // Response bodies of a few KiB, as in real app traffic; requests carry the test device's values.
  for (const chunk of generateCapture({ targetBytes: sizeMiB * 1024 * 1024, responseBytes: 3000 })) {
    if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return fs.statSync(file).size;
}

// Peak RSS above the level before `work`, sampled every 5 ms.
async function measure<T>(work: () => Promise<T>): Promise<{ seconds: number; peakGrowthMiB: number; result: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const t0 = process.hrtime.bigint();
  const result = await work();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { seconds, peakGrowthMiB: (peak - before) / (1024 * 1024), result };
}

async function main() {
  const bytes = await writeCapture();
  const kb = curatedKnowledgeBase();
  const lookup = ipCountryLookup();
  try {
    let detections = 0;
    const analysis = await measure(() =>
      analyzeHar(fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), {
        kb,
        device: DEMO_TEST_DEVICE,
        ipCountry: lookup?.country ?? null,
        onObservation: (o) => {
          detections += o.detections.length;
        },
      }),
    );
    const parse = await measure(async () => {
      const text = await fs.promises.readFile(file, "utf8");
      return (JSON.parse(text) as { log: { entries: unknown[] } }).log.entries.length;
    });
    const mib = bytes / (1024 * 1024);
    console.log(`har-file: ${mib.toFixed(1)} MiB, ${analysis.result.entryCount} entries, ${detections} detections`);
    console.log(`har-analyze: ${analysis.seconds.toFixed(2)} s (${(mib / analysis.seconds).toFixed(0)} MiB/s)`);
    console.log(`har-json-parse-baseline: ${parse.seconds.toFixed(2)} s (${(mib / parse.seconds).toFixed(0)} MiB/s, read + JSON.parse)`);
    console.log(`har-speed-vs-json-parse: ${(parse.seconds / analysis.seconds).toFixed(2)} x (target >= 0.3)`);
    console.log(`har-analyze-peak-rss-growth: ${analysis.peakGrowthMiB.toFixed(0)} MiB (target < 200)`);
    console.log(`har-json-parse-peak-rss-growth: ${parse.peakGrowthMiB.toFixed(0)} MiB`);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

void main();
