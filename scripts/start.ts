// `npm start`: one command from a fresh clone to a running Proofline with the demo matter.
// DATABASE_URL unset → an embedded PostgreSQL under .data/pg with the demo (both database roles
// made here). DATABASE_URL set → that server as a deployment: no demo data unless `-- --demo`, and
// start-up refuses demo accounts, missing secrets or an app role that could rewrite the audit log.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-users";
import { isDemo, startupProblems, type StartFacts } from "./lib/start-checks";
import {
  APP_ROLE,
  bin,
  describeUrl,
  enableAppRoleLogin,
  ensureDatabase,
  migrateDeploy,
  pendingMigrations,
  probe,
  ROOT,
  run,
  startEmbeddedPostgres,
  withCredentials,
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

// Secrets the demo needs must survive restarts (or everyone is signed out, or the audit chain
// changes key), so the first start writes each under .data/ and later starts reuse it. Only the
// demo: a deployment brings its own (startupProblems refuses to start without them).
function demoSecret(name: string, file: string): string {
  const given = process.env[name];
  if (given) return given;
  const target = path.join(DATA, file);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(DATA, { recursive: true });
    fs.writeFileSync(target, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(target, "utf8").trim();
}

const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;

async function main() {
  const demoFlag = process.argv.slice(2).includes("--demo");
  let embedded: EmbeddedServer | undefined;
  // The app runs as appUrl (the owner-less role proofline_app); migrations, queue installation and
  // the demo seed as ownerUrl.
  let appUrl = process.env.DATABASE_URL;
  let ownerUrl = process.env.MIGRATION_DATABASE_URL;
  if (!appUrl) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    console.log(`proofline: starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.relative(ROOT, path.join(DATA, "pg"))})`);
    try {
      embedded = await startEmbeddedPostgres(path.join(DATA, "pg"), port);
    } catch (error) {
      fail(`the embedded PostgreSQL did not start: ${(error as Error).message.split("\n")[0]}`);
    }
    await ensureDatabase(embedded.adminUrl, "proofline");
    ownerUrl = withDatabase(embedded.adminUrl, "proofline");
  }

  if (process.env.PROOFLINE_TIMING) console.log(`proofline: database up at ${elapsed()}`);
  for (const [name, url] of [["DATABASE_URL", appUrl], ["MIGRATION_DATABASE_URL", ownerUrl]] as const) {
    if (!url) continue;
    const reachable = await probe(url);
    if (!reachable.ok) fail(`cannot reach PostgreSQL at ${describeUrl(url)} (${reachable.reason.split("\n")[0]}). Check ${embedded ? "the embedded database" : name}.`);
  }

  const stopDatabase = async () => {
    if (embedded) await embedded.stop().catch(() => {});
  };
  const refuse = async (reasons: string[]) => {
    for (const reason of reasons) console.error(`proofline: refusing to start: ${reason}`);
    await stopDatabase();
    process.exit(1);
  };

  if (ownerUrl) {
    try {
      await migrateDeploy(ownerUrl);
    } catch (error) {
      await stopDatabase();
      fail(`migrations failed:\n${(error as { output?: string }).output ?? (error as Error).message}`);
    }
  }
  if (embedded && ownerUrl) {
    const password = demoSecret("PROOFLINE_APP_DB_PASSWORD", "app-db-password");
    await enableAppRoleLogin(ownerUrl, password);
    appUrl = withCredentials(ownerUrl, APP_ROLE, password);
  }
  if (!appUrl) fail("no database to run on");

  const demo = isDemo({ embedded: Boolean(embedded), demoFlag });
  const secrets = demo
    ? { AUTH_SECRET: demoSecret("AUTH_SECRET", "auth-secret"), AUDIT_CHAIN_KEY: demoSecret("AUDIT_CHAIN_KEY", "audit-chain-key"), PAYMENT_DETAILS_KEY: demoSecret("PAYMENT_DETAILS_KEY", "payment-details-key") }
    : { AUTH_SECRET: process.env.AUTH_SECRET, AUDIT_CHAIN_KEY: process.env.AUDIT_CHAIN_KEY, PAYMENT_DETAILS_KEY: process.env.PAYMENT_DETAILS_KEY };
  const problems = startupProblems({
    embedded: Boolean(embedded),
    demoFlag,
    env: { ...secrets, APP_URL: process.env.APP_URL, MIGRATION_DATABASE_URL: ownerUrl },
    ...(await databaseFacts(appUrl)),
  });
  if (problems.length > 0) await refuse(problems);

  if (demo && (await isEmpty(appUrl))) {
    // Loaded only when needed: the Prisma client costs a second of start-up.
    const [{ PrismaPg }, { PrismaClient }, { seedDemo }] = await Promise.all([
      import("@prisma/adapter-pg"),
      import("../lib/generated/prisma/client"),
      import("../prisma/seed"),
    ]);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerUrl ?? appUrl }) });
    await seedDemo(db);
    await db.$disconnect();
    console.log("proofline: loaded the demo matter (Hong v. ByteDance Inc.)");
  }

  if (process.env.PROOFLINE_TIMING) console.log(`proofline: migrated and seeded at ${elapsed()}`);
  const env = { DATABASE_URL: appUrl, ...secrets, NODE_ENV: "production" };
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
  if (demo) {
    console.log(`Demo sign-ins (password "${DEMO_PASSWORD}" for all):`);
    for (const u of DEMO_USERS) console.log(`  ${u.key.padEnd(10)} ${u.email}`);
  }
  console.log("Press Ctrl-C to stop.");
}

// What startupProblems needs to know about the database, read as the app's own role.
async function databaseFacts(url: string): Promise<Pick<StartFacts, "demoAccounts" | "pendingMigrations" | "role">> {
  const pending = (await pendingMigrations(url)).length;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const role = await client.query<{ name: string; superuser: boolean; owns: boolean | null }>(`
      SELECT current_user AS name, r.rolsuper AS superuser,
             pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = to_regclass('"AuditEvent"')), 'USAGE') AS owns
      FROM pg_roles r WHERE r.rolname = current_user`);
    const demoAccounts =
      pending > 0 && (await client.query(`SELECT to_regclass('"User"') IS NULL AS missing`)).rows[0]?.missing
        ? []
        : (await client.query<{ email: string }>(`SELECT email FROM "User" WHERE lower(email) = ANY($1::text[]) ORDER BY email`, [DEMO_USERS.map((u) => u.email)])).rows.map((r) => r.email);
    const row = role.rows[0];
    return { pendingMigrations: pending, demoAccounts, role: { name: row?.name ?? "?", superuser: Boolean(row?.superuser), ownsAuditLog: Boolean(row?.owns) } };
  } finally {
    await client.end();
  }
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
