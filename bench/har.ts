// `npm run bench -- har [--size-mib 100] [--no-db]`: a generated HAR of that size analysed by the
// streaming analyzer (lib/analyzer/har), as a ratio to a bare JSON.parse of the same file in the
// same run, with the process's peak resident-memory growth sampled during each. Then end to end on
// a fresh seeded database: the file ingested as an exhibit (committed), then the analysis job
// (read back from the blob store, re-verified, observations stored).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DEMO_TEST_DEVICE, generateCapture } from "../lib/analyzer/har/generate-capture";
import { analyzeHar } from "../lib/analyzer/har/analyze-har";
import { ipCountryLookup } from "../lib/analyzer/ip-country";
import { curatedKnowledgeBase } from "../lib/analyzer/kb/knowledge-base";
import { prepareE2eDatabase } from "../scripts/lib/e2e-database";
import { resolveTestServer } from "../scripts/lib/postgres";

const args = process.argv.slice(2);
const sizeMiB = Number(args[args.indexOf("--size-mib") + 1] ?? 0) || 100;
const withDb = !args.includes("--no-db");
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
// Wall-clock and CPU seconds (the machine may be shared: CPU time shows the work itself).
async function measure<T>(work: () => Promise<T>): Promise<{ seconds: number; cpuSeconds: number; peakGrowthMiB: number; result: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const result = await work();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { seconds, cpuSeconds, peakGrowthMiB: (peak - before) / (1024 * 1024), result };
}

// CPU seconds used so far by the PostgreSQL backends connected to `database`, read from /proc
// (the bench's server is on this machine): with this process's own CPU time it gives the job's
// whole cost, which unlike wall-clock time does not depend on what else the machine is running.
// Null when /proc cannot be read. Clock ticks are 1/100 s on Linux.
async function databaseCpuSeconds(adminUrl: string, database: string): Promise<Map<number, number> | null> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [database]);
    const seconds = new Map<number, number>();
    for (const { pid } of rows) {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    }
    return seconds;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

function cpuSpent(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
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
    console.log(`har-cpu: analyze ${analysis.cpuSeconds.toFixed(2)} s, read + JSON.parse ${parse.cpuSeconds.toFixed(2)} s, ratio ${(parse.cpuSeconds / analysis.cpuSeconds).toFixed(2)} x`);
    console.log(`har-analyze-peak-rss-growth: ${analysis.peakGrowthMiB.toFixed(0)} MiB (target < 200)`);
    console.log(`har-json-parse-peak-rss-growth: ${parse.peakGrowthMiB.toFixed(0)} MiB`);
    if (withDb) await endToEnd(parse.seconds, parse.cpuSeconds, mib);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function endToEnd(parseSeconds: number, parseCpuSeconds: number, mib: number) {
  const server = await resolveTestServer();
  const database = await prepareE2eDatabase(server.adminUrl);
  const blobRoot = fs.mkdtempSync(path.join(os.tmpdir(), "bench-har-blobs-"));
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    BLOB_ROOT: blobRoot,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUDIT_CHAIN_KEY: randomBytes(32).toString("base64url"),
    LOG_LEVEL: "warn",
    JOB_WORKERS: "off",
  });
  try {
    const { db } = await import("../lib/server/db");
    const { ingestExhibit } = await import("../lib/server/exhibits/ingest-exhibit");
    const { unsafeAnalyzeCapture } = await import("../lib/server/network/analyze-capture");
    const { stopBoss } = await import("../lib/server/jobs/boss");
    const { closeBulkPool } = await import("../lib/server/db-bulk");
    const user = await db.user.findUniqueOrThrow({ where: { email: "attorney@proofline.test" } });
    const matter = await db.matter.findUniqueOrThrow({ where: { slug: "hong-v-bytedance" } });
    const actor = { userId: user.id, email: user.email, name: user.name, role: user.role };
    const ingest = await measure(() => ingestExhibit(actor, matter.id, { body: fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), fileName: "bench.har" }));
    const analysis = await db.captureAnalysis.findFirstOrThrow({ where: { exhibitId: ingest.result.exhibit.id } });
    const databaseName = new URL(database.url).pathname.slice(1);
    const dbCpuBefore = await databaseCpuSeconds(server.adminUrl, databaseName);
    const run = await measure(() => unsafeAnalyzeCapture(analysis.id, { timeLimitSeconds: 600 }));
    const dbCpu = cpuSpent(dbCpuBefore, await databaseCpuSeconds(server.adminUrl, databaseName));
    const done = await db.captureAnalysis.findUniqueOrThrow({ where: { id: analysis.id } });
    const stored = await db.networkObservation.count({ where: { analysisId: analysis.id } });
    if (done.status !== "DONE") throw new Error(`analysis ended ${done.status}: ${done.error}`);
    console.log(`har-ingest (upload stream to committed exhibit): ${ingest.seconds.toFixed(2)} s`);
    console.log(`har-analysis-job (committed exhibit to ${stored} observations stored): ${run.seconds.toFixed(2)} s (${(mib / run.seconds).toFixed(0)} MiB/s, target < 5 s)`);
    console.log(`har-analysis-job-vs-json-parse: ${(parseSeconds / run.seconds).toFixed(2)} x`);
    console.log(`har-analysis-job-cpu: ${run.cpuSeconds.toFixed(2)} s in this process (PostgreSQL's work not included)`);
    if (dbCpu !== null) {
      const total = run.cpuSeconds + dbCpu;
      console.log(`har-analysis-job-postgres-cpu: ${dbCpu.toFixed(2)} s in the database's backends`);
      console.log(`har-analysis-job-cpu-vs-json-parse: ${(parseCpuSeconds / total).toFixed(2)} x (CPU of read + JSON.parse over the job's CPU here and in PostgreSQL, ${total.toFixed(2)} s: independent of the machine's load)`);
    }
    console.log(`har-analysis-job-peak-rss-growth: ${run.peakGrowthMiB.toFixed(0)} MiB (target < 200)`);
    await stopBoss();
    await closeBulkPool();
    await db.$disconnect();
  } finally {
    await database.drop();
    await server.stop();
    fs.rmSync(blobRoot, { recursive: true, force: true });
  }
}

void main();
