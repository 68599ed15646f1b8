// `npm start`: one command from a fresh clone to a running Proofline with the demo matter.
// DATABASE_URL set → that server. Unset → an embedded PostgreSQL under .data/pg.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-users";
import {
  bin,
  describeUrl,
  ensureDatabase,
  migrateDeploy,
  pendingMigrations,
  probe,
  ROOT,
  run,
  startEmbeddedPostgres,
  withDatabase,
  type EmbeddedServer,
} from "./lib/postgres";

const PORT = Number(process.env.PORT ?? 3000);
// PROOFLINE_DATA_DIR lets benches and side-by-side instances keep their own embedded database.
const DATA = path.resolve(process.env.PROOFLINE_DATA_DIR ?? path.join(ROOT, ".data"));

function fail(message: string): never {
  console.error(`proofline: ${message}`);
  process.exit(1);
}

// The session-signing secret must survive restarts (or everyone is signed out), so the first
// start writes one under .data/ and later starts reuse it.
function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(DATA, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DATA, { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;

async function main() {
  let embedded: EmbeddedServer | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    console.log(`proofline: starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.relative(ROOT, path.join(DATA, "pg"))})`);
    try {
      embedded = await startEmbeddedPostgres(path.join(DATA, "pg"), port);
    } catch (error) {
      fail(`the embedded PostgreSQL did not start: ${(error as Error).message.split("\n")[0]}`);
    }
    await ensureDatabase(embedded.adminUrl, "proofline");
    databaseUrl = withDatabase(embedded.adminUrl, "proofline");
  }

  if (process.env.PROOFLINE_TIMING) console.log(`proofline: database up at ${elapsed()}`);
  const reachable = await probe(databaseUrl);
  if (!reachable.ok) fail(`cannot reach PostgreSQL at ${describeUrl(databaseUrl)} (${reachable.reason.split("\n")[0]}). Check DATABASE_URL.`);

  const stopDatabase = async () => {
    if (embedded) await embedded.stop().catch(() => {});
  };

  try {
    const pending = await pendingMigrations(databaseUrl);
    if (pending.length > 0) {
      console.log(`proofline: applying ${pending.length} migration(s)`);
      await migrateDeploy(databaseUrl);
    }
  } catch (error) {
    await stopDatabase();
    fail(`migrations failed:\n${(error as { output?: string }).output ?? (error as Error).message}`);
  }

  if (await isEmpty(databaseUrl)) {
    // Loaded only when needed: the Prisma client costs a second of start-up.
    const [{ PrismaPg }, { PrismaClient }, { seedDemo }] = await Promise.all([
      import("@prisma/adapter-pg"),
      import("../lib/generated/prisma/client"),
      import("../prisma/seed"),
    ]);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
    await seedDemo(db);
    await db.$disconnect();
    console.log("proofline: loaded the demo matter (Hong v. ByteDance Inc.)");
  }

  if (process.env.PROOFLINE_TIMING) console.log(`proofline: migrated and seeded at ${elapsed()}`);
  const env = { DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret(), NODE_ENV: "production" };
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.log("proofline: no build yet; building (about a minute)…");
    await run(bin("next"), ["build"], env);
  }

  const server = spawn(bin("tsx"), ["--conditions=react-server", path.join("scripts", "web-server.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(PORT), ...env } as NodeJS.ProcessEnv,
  });

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nproofline: ${signal}: stopping the web server${embedded ? " and PostgreSQL" : ""}…`);
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await stopDatabase();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  server.on("exit", async (code: number | null) => {
    if (stopping) return;
    await stopDatabase();
    process.exit(code ?? 1);
  });

  await waitForHttp(`http://127.0.0.1:${PORT}/api/auth/providers`);
  console.log(`\nProofline is running at http://localhost:${PORT} (ready in ${elapsed()})`);
  console.log(`Demo sign-ins (password "${DEMO_PASSWORD}" for all):`);
  for (const u of DEMO_USERS) console.log(`  ${u.key.padEnd(10)} ${u.email}`);
  console.log("Press Ctrl-C to stop.");
}

async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM "Matter") AS any`);
    return !rows[0]?.any;
  } finally {
    await client.end();
  }
}

async function waitForHttp(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the web server did not answer ${url} within ${timeoutMs / 1000}s`);
}

main().catch((error) => fail((error as Error).message));
