import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import yazl from "yazl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, ensureDatabase, migrateDeploy, ROOT, uniqueDatabaseName, withDatabase } from "@/scripts/lib/postgres";

// `npm run worker` processes take every job in their database, so this file gives them a database
// of their own rather than the run's, where other test files' exhibits wait unextracted.
const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
const dbName = uniqueDatabaseName("proofline_worker");
const databaseUrl = withDatabase(adminUrl, dbName);
const workerEnv = { ...process.env, DATABASE_URL: databaseUrl, BLOB_ROOT: `/tmp/proofline-blobs-worker-${process.pid}-${Date.now()}`, LOG_LEVEL: "info" };

let m: {
  db: typeof import("@/lib/server/db").db;
  makeExhibit: typeof import("@/lib/server/testing/exhibit-fixtures").makeExhibit;
  makeMatterWithTeam: typeof import("@/lib/server/testing/fixtures").makeMatterWithTeam;
  stopBoss: typeof import("@/lib/server/jobs/boss").stopBoss;
};

beforeAll(async () => {
  await ensureDatabase(adminUrl, dbName);
  await migrateDeploy(databaseUrl);
  Object.assign(process.env, { DATABASE_URL: databaseUrl, BLOB_ROOT: workerEnv.BLOB_ROOT });
  m = {
    db: (await import("@/lib/server/db")).db,
    makeExhibit: (await import("@/lib/server/testing/exhibit-fixtures")).makeExhibit,
    makeMatterWithTeam: (await import("@/lib/server/testing/fixtures")).makeMatterWithTeam,
    stopBoss: (await import("@/lib/server/jobs/boss")).stopBoss,
  };
});

afterAll(async () => {
  await m?.stopBoss();
  await m?.db.$disconnect();
  await dropDatabase(adminUrl, dbName);
});

type Worker = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

// Node itself with tsx as a loader, not the tsx command: that runs the worker in a child process
// of its own, so SIGKILL killed only the wrapper and left the worker running (and working).
function startWorker(): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(ROOT, "scripts/worker.ts")], { cwd: ROOT, env: workerEnv, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

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

describe("npm run worker", () => {
  it("extracts queued exhibits, and on SIGTERM finishes and exits", async () => {
    const { matter, paralegal } = await m.makeMatterWithTeam();
    const worker = startWorker();
    try {
      // Its signal handlers are installed once it takes jobs; a slow start must not meet the SIGTERM.
      await until("the worker to take jobs", async () => worker.output(), (out) => out.includes("worker taking jobs"));
      const { exhibit } = await m.makeExhibit(paralegal, matter.id, { bytes: Buffer.from("Seen in the worker: alog.umeng.com\n"), fileName: "w.txt" });
      const done = await until("extraction", () => m.db.exhibit.findUniqueOrThrow({ where: { id: exhibit.id } }), (e) => e.extractionStatus === "DONE");
      expect(done.extractionAttempts).toBe(0);
      expect(await m.db.exhibitPage.count({ where: { exhibitId: exhibit.id } })).toBe(1);
      worker.child.kill("SIGTERM");
      expect(await worker.exited).toBe(0);
      expect(worker.output()).toContain("worker stopped");
    } finally {
      worker.child.kill("SIGKILL");
    }
  });

  it("a worker killed mid-extraction leaves no pages, and the next worker finishes the job", async () => {
    const { matter, paralegal } = await m.makeMatterWithTeam();
    const first = startWorker();
    const { exhibit } = await m.makeExhibit(paralegal, matter.id, { bytes: await slowDocx(), fileName: "slow.docx" });
    try {
      await until("the run to start", () => m.db.exhibit.findUniqueOrThrow({ where: { id: exhibit.id } }), (e) => e.extractionStatus === "RUNNING");
      first.child.kill("SIGKILL");
      await first.exited;
    } finally {
      first.child.kill("SIGKILL");
    }
    const killed = await m.db.exhibit.findUniqueOrThrow({ where: { id: exhibit.id } });
    expect([killed.extractionStatus, killed.extractionAttempts]).toEqual(["RUNNING", 1]);
    expect(await m.db.exhibitPage.count({ where: { exhibitId: exhibit.id } })).toBe(0);

    const second = startWorker();
    try {
      const done = await until("the retried extraction", () => m.db.exhibit.findUniqueOrThrow({ where: { id: exhibit.id } }), (e) => e.extractionStatus !== "RUNNING");
      expect([done.extractionStatus, done.extractionError, done.extractionAttempts]).toEqual(["DONE", null, 0]);
      const pages = await m.db.exhibitPage.findMany({ where: { exhibitId: exhibit.id }, select: { text: true } });
      expect(pages.map((p) => p.text)).toEqual(["finally bugly.qq.com"]);
    } finally {
      second.child.kill("SIGKILL");
    }
  });
});
