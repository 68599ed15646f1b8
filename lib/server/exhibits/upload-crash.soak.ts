// Crash safety of exhibit uploads and the integrity sweep (`npm run test:soak`), against the
// production web server with a blob store of its own:
// - kill -9 of the web server halfway through a large streaming upload leaves no Exhibit or Blob
//   row, no blob file, only a temp file that the age-based cleanup removes; the same upload then
//   succeeds, once;
// - the integrity sweep reports a stored blob with a flipped byte and one whose file is gone, in
//   its report and in each exhibit's custody log.
// A worker killed mid-extraction (the job finishes once, no half pages) is covered by
// lib/server/jobs/worker-process.test.ts.
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import fsp from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "@/scripts/lib/postgres";
import { freePort, startSoakServer, type SoakServer } from "@/scripts/lib/soak-server";

const MiB = 1024 * 1024;
// 1 GiB by default; SOAK_UPLOAD_MIB makes it smaller on a slow machine.
const SIZE = Number(process.env.SOAK_UPLOAD_MIB ?? 1024) * MiB;
const PASSWORD = "soak-test-password-1";

// Set before any lib/server module is loaded: env.ts reads it once.
fs.mkdirSync(path.join(ROOT, ".data"), { recursive: true });
const blobRoot = fs.mkdtempSync(path.join(ROOT, ".data", "soak-blobs-"));
process.env.BLOB_ROOT = blobRoot;

let m: {
  db: typeof import("@/lib/server/db").db;
  sweep: typeof import("@/lib/server/exhibits/integrity-sweep").unsafeRunIntegritySweep;
  cleanTempFiles: typeof import("@/lib/server/storage/blob-store").cleanTempFiles;
};
let server: SoakServer | undefined;
let matterId = "";
let attorneyEmail = "";

beforeAll(async () => {
  m = {
    db: (await import("@/lib/server/db")).db,
    sweep: (await import("@/lib/server/exhibits/integrity-sweep")).unsafeRunIntegritySweep,
    cleanTempFiles: (await import("@/lib/server/storage/blob-store")).cleanTempFiles,
  };
  const { makeMatterWithTeam } = await import("@/lib/server/testing/fixtures");
  const { hashPassword } = await import("@/lib/server/auth/passwords");
  const { matter, attorney } = await makeMatterWithTeam();
  await m.db.user.update({ where: { id: attorney.userId }, data: { passwordHash: await hashPassword(PASSWORD) } });
  matterId = matter.id;
  attorneyEmail = attorney.email;
});

afterAll(async () => {
  await server?.kill();
  await m?.db.$disconnect();
  await fsp.rm(blobRoot, { recursive: true, force: true });
});

async function start(): Promise<SoakServer> {
  const port = await freePort();
  server = await startSoakServer(port, {
    DATABASE_URL: process.env.DATABASE_URL!,
    AUTH_SECRET: process.env.AUTH_SECRET!,
    AUDIT_CHAIN_KEY: process.env.AUDIT_CHAIN_KEY!,
    MAIL_SINK_DIR: process.env.MAIL_SINK_DIR!,
    APP_URL: `http://127.0.0.1:${port}`,
    BLOB_ROOT: blobRoot,
    // No extraction of the gigabyte of text: this file is about the upload path.
    JOB_WORKERS: "off",
  });
  return server;
}

async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar },
    body: new URLSearchParams({ email: attorneyEmail, password: PASSWORD, csrfToken }),
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c!.startsWith("authjs.session-token="));
  if (!cookie) throw new Error(`sign-in failed (${res.status})`);
  return cookie;
}

// The same `size` bytes for the same file name (hex text, an accepted type), made as they are sent.
const pattern = Buffer.from(randomBytes(MiB / 2).toString("hex"));
function* content(size: number, fileName: string): Generator<Buffer> {
  for (let offset = 0, i = 0; offset < size; offset += MiB, i++) {
    const chunk = Buffer.from(pattern.subarray(0, Math.min(MiB, size - offset)));
    chunk.write(`${i.toString(16).padStart(8, "0")}${Buffer.from(fileName).toString("hex")}`, 0);
    yield chunk;
  }
}

function sha256Of(size: number, fileName: string): string {
  const hash = createHash("sha256");
  for (const chunk of content(size, fileName)) hash.update(chunk);
  return hash.digest("hex");
}

type Answer = { status: number; body: string };

// Streams `size` bytes as the request body. With `cut`, stops sending after `cut.at` bytes and
// runs `cut.then` (which kills the server) instead of finishing.
async function upload(base: string, cookie: string, fileName: string, size: number, cut?: { at: number; then: () => Promise<void> }): Promise<Answer> {
  const req = http.request(`${base}/api/v1/matters/${matterId}/exhibits`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/octet-stream", "Content-Length": size, "X-File-Name": encodeURIComponent(fileName) },
  });
  let settled = false;
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
  }).finally(() => (settled = true));
  const quiet = answer.catch(() => undefined);
  let written = 0;
  for (const chunk of content(size, fileName)) {
    if (settled) break;
    if (cut && written >= cut.at) {
      await cut.then();
      return answer;
    }
    if (!req.write(chunk)) await Promise.race([once(req, "drain"), quiet]);
    written += chunk.length;
  }
  req.end();
  return answer;
}

async function tempFiles(): Promise<{ name: string; size: number }[]> {
  const dir = path.join(blobRoot, ".tmp");
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  return Promise.all(names.map(async (name) => ({ name, size: (await fsp.stat(path.join(dir, name))).size })));
}

// Every file in the store outside its temp area.
async function storedFiles(): Promise<string[]> {
  const entries = await fsp.readdir(blobRoot, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(blobRoot, path.join(e.parentPath, e.name)))
    .filter((p) => !p.startsWith(".tmp"));
}

async function until(what: string, ok: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("crash safety: kill -9 of the web server mid-upload", () => {
  it(`leaves no row and no blob, only a temp file the cleanup removes, and the same ${SIZE / MiB} MiB upload then succeeds once`, async () => {
    const blobsBefore = await m.db.blob.count();
    const uploadsAudited = () => m.db.auditEvent.count({ where: { matterId, action: "exhibit.upload" } });
    let web = await start();
    const cookie = await signIn(web.base);
    const fileName = "soak-capture.txt";

    let killedAt = 0;
    const cutOff = await upload(web.base, cookie, fileName, SIZE, {
      at: SIZE / 2,
      then: async () => {
        // Killed only once the server has written a good part of the file: mid-upload for real.
        await until("the server to stage a quarter of the upload", async () => ((await tempFiles())[0]?.size ?? 0) >= SIZE / 4, 180_000);
        killedAt = (await tempFiles())[0]!.size;
        await web.kill();
      },
    }).then(
      (a) => a,
      (error: Error) => error,
    );
    expect(cutOff).toBeInstanceOf(Error);

    const afterCrash = {
      exhibits: await m.db.exhibit.count({ where: { matterId } }),
      blobs: await m.db.blob.count(),
      uploadsAudited: await uploadsAudited(),
      storedFiles: await storedFiles(),
      tempFiles: (await tempFiles()).length,
    };
    expect(afterCrash).toEqual({ exhibits: 0, blobs: blobsBefore, uploadsAudited: 0, storedFiles: [], tempFiles: 1 });

    web = await start();
    const swept = await m.sweep({ trigger: "test" });
    expect(swept).toMatchObject({ checked: blobsBefore, missing: [], altered: [], orphaned: [] });
    // A recent temp file may be another instance's upload in progress: kept until it is old.
    expect(await m.cleanTempFiles()).toBe(0);
    const [left] = await tempFiles();
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    await fsp.utimes(path.join(blobRoot, ".tmp", left!.name), twoHoursAgo, twoHoursAgo);
    expect(await m.cleanTempFiles()).toBe(1);
    expect(await tempFiles()).toEqual([]);

    const expected = sha256Of(SIZE, fileName);
    const t0 = performance.now();
    const retried = await upload(web.base, cookie, fileName, SIZE);
    const seconds = (performance.now() - t0) / 1000;
    expect(retried.status, retried.body).toBe(201);
    expect(JSON.parse(retried.body)).toMatchObject({ duplicate: false, exhibit: { sha256: expected } });
    const blob = await m.db.blob.findUniqueOrThrow({ where: { sha256: expected } });
    const afterRetry = {
      exhibits: await m.db.exhibit.count({ where: { matterId } }),
      blobs: await m.db.blob.count(),
      blobSize: Number(blob.size),
      fileSize: (await fsp.stat(path.join(blobRoot, blob.storageKey))).size,
      uploadsAudited: await uploadsAudited(),
      storedFiles: (await storedFiles()).length,
      tempFiles: (await tempFiles()).length,
    };
    expect(afterRetry).toEqual({ exhibits: 1, blobs: blobsBefore + 1, blobSize: SIZE, fileSize: SIZE, uploadsAudited: 1, storedFiles: 1, tempFiles: 0 });
    expect(await m.sweep({ trigger: "test" })).toMatchObject({ checked: blobsBefore + 1, missing: [], altered: [], orphaned: [] });

    console.log(`crash_upload: kill -9 with ${(killedAt / MiB).toFixed(0)} of ${SIZE / MiB} MiB staged → 0 exhibit rows, 0 blob rows, 0 blob files, 0 orphans; 1 temp file, removed by the age-based cleanup`);
    console.log(`crash_upload_retry: 201 once, ${(SIZE / MiB).toFixed(0)} MiB in ${seconds.toFixed(1)} s (${(SIZE / 1e6 / seconds).toFixed(0)} MB/s)`);
  });
});

describe("the integrity sweep", () => {
  it("reports a blob with one flipped byte and a blob whose file is gone, and logs both in custody", async () => {
    const web = server?.alive() ? server : await start();
    const cookie = await signIn(web.base);
    const sent = await Promise.all(
      ["flipped", "missing"].map(async (name) => {
        const answer = await upload(web.base, cookie, `${name}.txt`, 64 * 1024);
        expect(answer.status, answer.body).toBe(201);
        return (JSON.parse(answer.body) as { exhibit: { id: string; sha256: string } }).exhibit;
      }),
    );
    const [flipped, missing] = sent as [(typeof sent)[number], (typeof sent)[number]];
    const fileOf = async (sha256: string) => path.join(blobRoot, (await m.db.blob.findUniqueOrThrow({ where: { sha256 } })).storageKey);
    const flippedPath = await fileOf(flipped.sha256);
    const bytes = await fsp.readFile(flippedPath);
    bytes[100] = bytes[100]! ^ 0x01;
    await fsp.writeFile(flippedPath, bytes);
    await fsp.rm(await fileOf(missing.sha256));

    const report = await m.sweep({ trigger: "test" });
    expect(report.altered).toEqual([{ sha256: flipped.sha256, actual: createHash("sha256").update(bytes).digest("hex") }]);
    expect(report.missing).toEqual([missing.sha256]);
    expect(report.orphaned).toEqual([]);
    const custody = await m.db.auditEvent.findMany({
      where: { action: "exhibit.fail-integrity-check", entityId: { in: [flipped.id, missing.id] } },
      orderBy: { entityId: "asc" },
    });
    expect(custody.map((c) => [c.entityId, (c.details as { missing: boolean }).missing]).sort()).toEqual(
      [
        [flipped.id, false],
        [missing.id, true],
      ].sort(),
    );
    const sweep = await m.db.auditEvent.findFirstOrThrow({ where: { action: "integrity.sweep" }, orderBy: { id: "desc" } });
    expect(sweep.details).toMatchObject({ missing: [missing.sha256], altered: [{ sha256: flipped.sha256 }] });
    console.log(`integrity_sweep: ${report.checked} blobs checked; reported 1 altered (flipped byte) and 1 missing, both in custody`);
  });
});
