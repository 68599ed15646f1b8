// `npm run bench -- ingest [--size-mib 1024]`: upload-to-committed-exhibit throughput over HTTP
// through the production web server (scripts/web-server.ts, signed in as the demo attorney), as a ratio to
// `openssl dgst -sha256` of the same file in the same run, with the server's resident memory
// sampled during the upload. Needs a build (`npm run build`).
import { spawn, execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { prepareE2eDatabase } from "../scripts/lib/e2e-database";
import { ROOT, resolveTestServer } from "../scripts/lib/postgres";

const args = process.argv.slice(2);
const sizeMiB = Number(args[args.indexOf("--size-mib") + 1] ?? 0) || 1024;
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const base = `http://127.0.0.1:${PORT}`;
const work = path.join(ROOT, ".data", `bench-ingest-${randomUUID().slice(0, 8)}`);

// Random hex text: no repeated content to shortcut, and an accepted type (the route refuses unknown binaries).
// One 1 MiB block reused with a changing prefix so generating does not dominate the run.
async function makeFile(file: string, bytes: number): Promise<void> {
  const block = Buffer.from(randomBytes(1 << 19).toString("hex"));
  const out = fs.createWriteStream(file);
  for (let written = 0, i = 0; written < bytes; written += block.length, i++) {
    block.write(i.toString(16).padStart(8, "0"), 0);
    if (!out.write(Buffer.from(block))) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/auth/providers`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

async function signIn(): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar },
    body: new URLSearchParams({ email: "attorney@proofline.test", password: "proofline-demo", csrfToken }),
  });
  const cookies = [jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  if (!/authjs\.session-token=/.test(cookies)) throw new Error(`sign-in failed (${res.status})`);
  return cookies;
}

function upload(file: string, size: number, matterId: string, cookie: string, name = path.basename(file)): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/api/v1/matters/${matterId}/exhibits`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/octet-stream", "Content-Length": size, "X-File-Name": name },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(req);
  });
}

async function main() {
  await fsp.mkdir(work, { recursive: true });
  const file = path.join(work, "upload.txt");
  const bytes = sizeMiB * 1024 * 1024;
  const pg = await resolveTestServer();
  const database = await prepareE2eDatabase(pg.adminUrl);
  // tsx's loader in the same process (not a tsx wrapper process), so the sampled RSS is the server's.
  const server = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(ROOT, "scripts/web-server.ts")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), NODE_ENV: "production", DATABASE_URL: database.url, BLOB_ROOT: path.join(work, "blobs"), AUTH_SECRET: randomBytes(32).toString("base64url"), AUDIT_CHAIN_KEY: randomBytes(32).toString("base64url"), AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", JOB_WORKERS: "off" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await makeFile(file, bytes);
    const size = (await fsp.stat(file)).size;

    execFileSync("openssl", ["dgst", "-sha256", file]); // warm the page cache for both runs alike
    const t0 = process.hrtime.bigint();
    execFileSync("openssl", ["dgst", "-sha256", file]);
    const opensslSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

    await waitForServer();
    const cookie = await signIn();
    const matterId = execFileSync("psql", [database.url, "-Atc", "SELECT id FROM \"Matter\" WHERE slug = 'hong-v-bytedance'"]).toString().trim();
    // Warm-up: compiles the route and lets pg-boss install its schema in the fresh database,
    // so the timed upload measures the steady state.
    const warm = path.join(work, "warm.txt");
    await fsp.writeFile(warm, `warm-up ${randomUUID()}\n`);
    const warmAnswer = await upload(warm, (await fsp.stat(warm)).size, matterId, cookie);
    if (warmAnswer.status !== 201) throw new Error(`warm-up upload answered ${warmAnswer.status}: ${warmAnswer.body}`);

    const before = rssMiB(server.pid!);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(server.pid!))), 100);
    const t1 = process.hrtime.bigint();
    const answer = await upload(file, size, matterId, cookie);
    const ingestSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
    clearInterval(sampler);
    if (answer.status !== 201) throw new Error(`upload answered ${answer.status}: ${answer.body}`);

    const mb = size / 1e6;
    console.log(`file_size: ${mb.toFixed(0)} MB`);
    console.log(`openssl_sha256: ${(mb / opensslSeconds).toFixed(0)} MB/s (${opensslSeconds.toFixed(2)} s)`);
    console.log(`ingest_over_http: ${(mb / ingestSeconds).toFixed(0)} MB/s (${ingestSeconds.toFixed(2)} s, upload to committed exhibit)`);
    console.log(`ingest_vs_openssl: ${(opensslSeconds / ingestSeconds).toFixed(2)} ratio (target >= 0.5)`);
    console.log(`server_rss_before: ${before.toFixed(0)} MiB`);
    console.log(`server_rss_peak: ${peak.toFixed(0)} MiB (+${(peak - before).toFixed(0)} MiB during a ${mb.toFixed(0)} MB upload)`);
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await database.drop();
    await pg.stop();
    await fsp.rm(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench ingest: ${(error as Error).message}`);
  process.exit(1);
});
