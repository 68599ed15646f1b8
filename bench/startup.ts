// bench/startup: `npm start` to the first 200, cold (empty data folder: initdb, migrate, seed)
// and warm (existing data), against a bare `next start` on the same build as the baseline.
// Needs a build (`npm run build`). Usage: npm run bench -- startup
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bin, ROOT } from "../scripts/lib/postgres";

const PORT = 3310;
const URL_TO_POLL = `http://127.0.0.1:${PORT}/sign-in`;

async function firstOk(started: number, child: ChildProcess): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before answering`);
    try {
      const res = await fetch(URL_TO_POLL);
      if (res.status === 200) return (performance.now() - started) / 1000;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGINT");
  await exited;
}

async function timeStart(command: string, args: string[], env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, stdio: "ignore", env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  try {
    return await firstOk(started, child);
  } finally {
    await stop(child);
  }
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("no build: run `npm run build` first");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "proofline-bench-"));
  fs.chmodSync(dataDir, 0o777);
  const startEnv = { PORT: String(PORT), PROOFLINE_DATA_DIR: dataDir, EMBEDDED_PG_PORT: "54391", DATABASE_URL: "" };
  delete process.env.DATABASE_URL;
  try {
    const cold = await timeStart(bin("tsx"), ["scripts/start.ts"], startEnv);
    const warm = await timeStart(bin("tsx"), ["scripts/start.ts"], startEnv);
    // Baseline: the web server alone on the same build and the (still initialised) database.
    const secret = fs.readFileSync(path.join(dataDir, "auth-secret"), "utf8");
    const pgStart = spawn(bin("tsx"), ["-e", `
      import("./scripts/lib/postgres.ts").then(async (m) => {
        const s = await m.startEmbeddedPostgres(${JSON.stringify(path.join(dataDir, "pg"))}, 54391);
        process.on("SIGINT", async () => { await s.stop(); process.exit(0); });
        console.log("up");
      });`], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    await new Promise((r) => pgStart.stdout!.once("data", r));
    const bare = await timeStart(bin("next"), ["start", "-p", String(PORT)], {
      DATABASE_URL: "postgresql://postgres:proofline@127.0.0.1:54391/proofline",
      AUTH_SECRET: secret,
    });
    await stop(pgStart);
    console.log(`startup.cold: ${cold.toFixed(2)} s`);
    console.log(`startup.warm: ${warm.toFixed(2)} s`);
    console.log(`startup.next_start_only: ${bare.toFixed(2)} s`);
    console.log(`startup.cold_over_baseline: ${(cold / bare).toFixed(2)} x`);
    console.log(`startup.warm_over_baseline: ${(warm / bare).toFixed(2)} x`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench/startup: ${(error as Error).message}`);
  process.exit(1);
});
