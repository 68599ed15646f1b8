// Proofline as a cluster, for real: the run's PostgreSQL database, an S3-protocol server (s3rver),
// two production web instances (scripts/web-server.ts, JOB_WORKERS=off, TRUSTED_PROXY_HOPS=1 —
// the test plays the load balancer) and one `npm run worker`, all with BLOB_STORE=s3. Nothing is
// shared between the processes but the database and the bucket, as in compose.yaml.
// `npm test` runs it after `next build` (scripts/test.ts): `vitest run --config vitest.cluster.config.ts`.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import yazl from "yazl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "@/scripts/lib/postgres";

const BUILD_ID = path.join(ROOT, ".next", "BUILD_ID");
const built = fs.existsSync(BUILD_ID);
if (!built) console.warn(`cluster test skipped: no production build (${path.relative(ROOT, BUILD_ID)} is missing); run \`npm run build\` first`);

type Proc = { name: string; child: ChildProcess; output: () => string; exited: Promise<number | null> };

// Node itself with tsx as a loader (not the tsx command, which runs the script in a child process):
// the pid is the server's or the worker's own, so SIGKILL kills it, not a wrapper around it.
function start(name: string, script: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const keep = (d: Buffer) => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { name, child, output: () => out, exited };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch((e: unknown) => e as T);
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${String(value instanceof Error ? value.message : JSON.stringify(value)).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// A DOCX whose parse takes seconds (60 MB of XML, a few hundred KB zipped) with one line of text
// at the end, so a worker can be killed while it runs (as lib/server/jobs/worker-process.test.ts).
async function slowDocx(): Promise<Buffer> {
  const unit = '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:b/></w:rPr></w:r></w:p>';
  const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${unit.repeat(Math.ceil((60 << 20) / unit.length))}<w:p><w:r><w:t>finally bugly.qq.com</w:t></w:r></w:p></w:body></w:document>`;
  const z = new yazl.ZipFile();
  z.addBuffer(Buffer.from(xml), "word/document.xml");
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

describe.skipIf(!built)("a cluster: two web instances, one worker, PostgreSQL and S3", () => {
  let m: {
    db: typeof import("@/lib/server/db").db;
    createApiToken: typeof import("@/lib/server/api-tokens/create-api-token").createApiToken;
    makeClaimMatter: typeof import("@/lib/server/testing/claim-fixtures").makeClaimMatter;
    validClaimInput: typeof import("@/lib/server/testing/claim-fixtures").validClaimInput;
  };
  let s3: Awaited<ReturnType<typeof import("@/lib/server/testing/s3-server").startS3Server>>;
  let clusterEnv: Record<string, string>;
  const procs: Proc[] = [];
  const web: { a: string; b: string } = { a: "", b: "" };
  let worker: Proc;
  let team: Awaited<ReturnType<typeof import("@/lib/server/testing/claim-fixtures").makeClaimMatter>>;
  let token: string;
  let mailDir: string;
  let headsDir: string;

  beforeAll(async () => {
    m = {
      db: (await import("@/lib/server/db")).db,
      createApiToken: (await import("@/lib/server/api-tokens/create-api-token")).createApiToken,
      ...(await import("@/lib/server/testing/claim-fixtures")),
    };
    s3 = await (await import("@/lib/server/testing/s3-server")).startS3Server("proofline-cluster");
    mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "proofline-cluster-mail-"));
    headsDir = fs.mkdtempSync(path.join(os.tmpdir(), "proofline-cluster-heads-"));
    // The same configuration for every process, as compose.yaml gives it: only PORT differs.
    clusterEnv = {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: process.env.DATABASE_URL!,
      DATABASE_POOL_SIZE: "8",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUDIT_CHAIN_KEY: process.env.AUDIT_CHAIN_KEY!,
      PAYMENT_DETAILS_KEY: randomBytes(32).toString("base64url"),
      AUDIT_HEADS_DIR: headsDir,
      MAIL_SINK_DIR: mailDir,
      BLOB_STORE: "s3",
      S3_ENDPOINT: s3.config.endpoint!,
      S3_BUCKET: s3.config.bucket,
      S3_REGION: s3.config.region,
      S3_FORCE_PATH_STYLE: "true",
      S3_ACCESS_KEY_ID: s3.config.accessKeyId!,
      S3_SECRET_ACCESS_KEY: s3.config.secretAccessKey!,
      // No BLOB_ROOT: a process that wrote to the local disk would fail the byte-for-byte check.
      BLOB_ROOT: path.join(os.tmpdir(), `proofline-cluster-no-local-blobs-${process.pid}`),
      TRUSTED_PROXY_HOPS: "1",
      LOG_LEVEL: "warn",
    };
    const [portA, portB] = [await freePort(), await freePort()];
    for (const [name, port] of [["web-a", portA], ["web-b", portB]] as const) {
      procs.push(start(name, "scripts/web-server.ts", { ...clusterEnv, PORT: String(port), JOB_WORKERS: "off" }));
    }
    web.a = `http://127.0.0.1:${portA}`;
    web.b = `http://127.0.0.1:${portB}`;
    worker = start("worker-1", "scripts/worker.ts", { ...clusterEnv, LOG_LEVEL: "info" });
    procs.push(worker);
    for (const [i, base] of [web.a, web.b].entries()) {
      await until(`web instance ${i ? "B" : "A"} to answer`, () => fetch(`${base}/api/auth/providers`).then((r) => r.status), (s) => s === 200, 120_000);
    }
    await until("the worker to take jobs", async () => worker.output(), (out) => out.includes("worker taking jobs"), 120_000);

    team = await m.makeClaimMatter();
    ({ token } = await m.createApiToken(team.paralegal, { name: "cluster test", access: "WRITE", matterIds: team.matter.id, expiresInDays: "1" }));
  });

  afterAll(async () => {
    for (const p of procs) p.child.kill("SIGKILL");
    await Promise.all(procs.map((p) => p.exited));
    await s3?.stop();
    for (const dir of [mailDir, headsDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const auth = () => ({ authorization: `Bearer ${token}` });
  const upload = (base: string, bytes: Buffer, fileName: string) =>
    fetch(`${base}/api/v1/matters/${team.matter.id}/exhibits`, {
      method: "POST",
      headers: { ...auth(), "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(fileName), "x-forwarded-for": "203.0.113.7" },
      body: new Uint8Array(bytes),
    });
  const exhibitState = (id: string) => m.db.exhibit.findUniqueOrThrow({ where: { id }, select: { extractionStatus: true, extractionAttempts: true, extractionError: true } });

  it("an exhibit uploaded through A downloads through B byte for byte, and B's search finds its text once the worker extracted it", async () => {
    const word = `clusterword${randomBytes(4).toString("hex")}`;
    const filler = Array.from({ length: 4000 }, () => randomBytes(12).toString("hex")).join(" ");
    const bytes = Buffer.from(`Deposition notes.\nThe ${word} appears here only.\n${filler}\n`);
    const res = await upload(web.a, bytes, "notes.txt");
    const body = (await res.json()) as { exhibit: { id: string; sha256: string } };
    expect(res.status, JSON.stringify(body)).toBe(201);
    const id = body.exhibit.id;

    // Stored in the bucket, not on A's disk.
    expect(fs.existsSync(clusterEnv.BLOB_ROOT!)).toBe(false);
    const down = await fetch(`${web.b}/api/v1/matters/${team.matter.id}/exhibits/${id}/file`, { headers: auth() });
    expect(down.status).toBe(200);
    const got = Buffer.from(await down.arrayBuffer());
    expect(got.length).toBe(bytes.length);
    expect(got.equals(bytes)).toBe(true);
    expect(down.headers.get("x-content-sha256")).toBe(body.exhibit.sha256);

    const found = await until(
      "B's search to find the extracted text",
      async () => {
        const r = await fetch(`${web.b}/api/v1/matters/${team.matter.id}/exhibits?q=${word}`, { headers: auth() });
        return ((await r.json()) as { exhibits?: { id: string; extractionStatus: string }[] }).exhibits ?? [];
      },
      (hits) => hits.length > 0,
    );
    expect(found.map((e) => e.id)).toEqual([id]);
    expect((await exhibitState(id)).extractionStatus).toBe("DONE");
    // One run's pages, each once.
    const pages = await m.db.exhibitPage.findMany({ where: { exhibitId: id }, select: { page: true }, orderBy: { page: "asc" } });
    expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
  });

  it("a worker killed mid-extraction (SIGKILL) leaves nothing half-done, and another worker finishes the job once", async () => {
    const res = await upload(web.b, await slowDocx(), "slow.docx");
    expect(res.status).toBe(201);
    const { exhibit } = (await res.json()) as { exhibit: { id: string } };
    await until("the worker to start the extraction", () => exhibitState(exhibit.id), (e) => e.extractionStatus === "RUNNING", 60_000);
    worker.child.kill("SIGKILL");
    await worker.exited;
    const killed = await exhibitState(exhibit.id);
    expect([killed.extractionStatus, killed.extractionAttempts]).toEqual(["RUNNING", 1]);
    expect(await m.db.exhibitPage.count({ where: { exhibitId: exhibit.id } })).toBe(0);

    worker = start("worker-2", "scripts/worker.ts", clusterEnv);
    procs.push(worker);
    const done = await until("the retried extraction", () => exhibitState(exhibit.id), (e) => e.extractionStatus !== "RUNNING", 150_000);
    expect([done.extractionStatus, done.extractionError, done.extractionAttempts]).toEqual(["DONE", null, 0]);
    const pages = await m.db.exhibitPage.findMany({ where: { exhibitId: exhibit.id }, select: { text: true } });
    expect(pages.map((p) => p.text)).toEqual(["finally bugly.qq.com"]);
    // B's search sees the retried run's text.
    const r = await fetch(`${web.b}/api/v1/matters/${team.matter.id}/exhibits?q=bugly`, { headers: auth() });
    expect(((await r.json()) as { exhibits: { id: string }[] }).exhibits.map((e) => e.id)).toEqual([exhibit.id]);
  });

  it("2,000 claims across A and B: every one counted once, and one address's hourly limit (30) exact across both", async () => {
    const HOT_IP = "198.51.100.77";
    const HOT = 100;
    const total = 2000;
    // Claim i: from its own address, except every 20th, which comes from the one hot address;
    // alternately through A and B (the hot address's too), 24 at a time.
    const jobs = Array.from({ length: total }, (_, i) => ({
      base: (i + Math.floor(i / 20)) % 2 ? web.b : web.a,
      ip: i % 20 === 0 ? HOT_IP : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    }));
    expect(jobs.filter((j) => j.ip === HOT_IP)).toHaveLength(HOT);
    const statuses: { ip: string; base: string; status: number }[] = [];
    let next = 0;
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: 24 }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++]!;
          const r = await fetch(`${job.base}/api/v1/claims/${team.matter.slug}`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": job.ip },
            body: JSON.stringify(m.validClaimInput({ submissionKey: randomUUID() })),
          });
          await r.arrayBuffer();
          statuses.push({ ip: job.ip, base: job.base, status: r.status });
        }
      }),
    );
    const seconds = (Date.now() - t0) / 1000;
    console.log(`cluster_claims: ${total} claims in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)} claims/s over two instances)`);
    const hot = statuses.filter((s) => s.ip === HOT_IP);
    const others = statuses.filter((s) => s.ip !== HOT_IP);
    const count = (list: typeof statuses, status: number) => list.filter((s) => s.status === status).length;
    expect(count(others, 201), JSON.stringify(others.filter((s) => s.status !== 201).slice(0, 5))).toBe(total - HOT);
    expect(count(hot, 201)).toBe(30);
    expect(count(hot, 429)).toBe(HOT - 30);
    // Both instances took part, on both sides of the limit.
    expect(new Set(hot.filter((s) => s.status === 201).map((s) => s.base)).size).toBe(2);
    expect(new Set(hot.filter((s) => s.status === 429).map((s) => s.base)).size).toBe(2);
    expect(await m.db.claim.count({ where: { matterId: team.matter.id } })).toBe(total - HOT + 30);
    expect(await m.db.claim.count({ where: { matterId: team.matter.id, attestationIp: HOT_IP } })).toBe(30);
  });
});
