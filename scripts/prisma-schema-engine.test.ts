// Integration test for scripts/prisma-schema-engine.mjs, the stand-in for Prisma's native schema
// engine. It drives the real Prisma CLI (npx prisma) against a fresh database on a local
// PostgreSQL, with its own schema, migrations and prisma.config.ts in a temp dir, so it neither
// depends on nor touches the project's schema.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "..");
const engine = path.join(repoRoot, "scripts/prisma-schema-engine.mjs");

// Under the project's vitest config the global setup names the server; run alone, use the local one.
const adminUrl = process.env.TEST_ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const databaseName = `schema_engine_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
const databaseUrl = withDatabase(adminUrl, databaseName);

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const SCHEMA = `
generator client {
  provider = "prisma-client"
  output   = "./generated"
}

datasource db {
  provider = "postgresql"
}

enum Role {
  MEMBER
  ADMIN
}

model Author {
  id    Int    @id @default(autoincrement())
  email String @unique
  role  Role   @default(MEMBER)
  posts Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   Author @relation(fields: [authorId], references: [id])
  authorId Int
}
`;

// What \`migrate dev\` would generate for SCHEMA, plus a trigger: a $$ body and comments with
// semicolons, which a script splitter that cuts at every ";" would break.
const INIT_MIGRATION = `
-- CreateEnum
CREATE TYPE "Role" AS ENUM ('MEMBER', 'ADMIN');

-- CreateTable
CREATE TABLE "Author" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'MEMBER',

    CONSTRAINT "Author_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Author_email_key" ON "Author"("email");

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Trim titles; a comment; with semicolons;
CREATE FUNCTION "trim_post_title"() RETURNS trigger AS $$
BEGIN
  NEW."title" := btrim(NEW."title"); -- no trailing blanks; ever
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
/* block comment; still one script */
CREATE TRIGGER "Post_trim_title" BEFORE INSERT OR UPDATE ON "Post" FOR EACH ROW EXECUTE FUNCTION "trim_post_title"();
`;

let workDir: string;
let admin: pg.Client;

type Result = { code: number; stdout: string; stderr: string };

// `npx --no-install prisma …` with a prisma.config.ts of our own; the engine comes from the env var,
// exactly as the project's prisma.config.ts sets it.
function prisma(args: string[], config = "prisma.config.ts"): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["--no-install", "prisma", ...args, "--config", path.join(workDir, config)],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          PRISMA_SCHEMA_ENGINE_BINARY: engine,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          CHECKPOINT_DISABLE: "1",
        },
        timeout: 90_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

function expectSuccess(result: Result): void {
  expect(result.code, `prisma failed:\n${result.stdout}\n${result.stderr}`).toBe(0);
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function shadowDatabases(): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
  );
  return rows.map((row) => row.datname);
}

function writeConfig(file: string, url: string): Promise<void> {
  // No import of "prisma/config" (nothing to resolve it from in a temp dir): a plain object is accepted.
  return writeFile(
    path.join(workDir, file),
    `export default {
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: ${JSON.stringify(url)} },
};
`,
  );
}

beforeAll(async () => {
  if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(adminUrl).hostname)) {
    throw new Error("refusing to create and drop databases on a non-local server");
  }
  admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);

  workDir = await mkdtemp(path.join(tmpdir(), "prisma-schema-engine-test-"));
  await mkdir(path.join(workDir, "prisma/migrations/20250101000000_init"), { recursive: true });
  await writeFile(path.join(workDir, "prisma/schema.prisma"), SCHEMA);
  await writeFile(path.join(workDir, "prisma/migrations/20250101000000_init/migration.sql"), INIT_MIGRATION);
  await writeFile(
    path.join(workDir, "prisma/migrations/migration_lock.toml"),
    '# Please do not edit this file manually\nprovider = "postgresql"\n',
  );
  await writeConfig("prisma.config.ts", databaseUrl);
  // Nothing listens on port 1: the datasource for the "no database at all" case.
  await writeConfig("unreachable.config.ts", "postgresql://postgres@127.0.0.1:1/nowhere");
}, 30_000);

afterAll(async () => {
  await admin?.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await admin?.end();
  if (workDir) await rm(workDir, { recursive: true, force: true });
}, 30_000);

// Each prisma command takes a few seconds (more on a busy machine); do not rely on a config's timeout.
describe("prisma schema-engine stand-in", { timeout: 120_000 }, () => {
  it("answers --version with the engine hash, so the CLI never downloads the native engine", async () => {
    const result = await prisma(["--version"]);
    expectSuccess(result);
    expect(result.stdout).toMatch(/Schema Engine\s*: schema-engine-cli [0-9a-f]{40} .*resolved by PRISMA_SCHEMA_ENGINE_BINARY/);
  });

  it("migrate deploy applies the migrations to a fresh database and migrate status reports it up to date", async () => {
    const deploy = await prisma(["migrate", "deploy"]);
    expectSuccess(deploy);
    expect(deploy.stdout).toContain("All migrations have been successfully applied.");

    const tables = await query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(["Author", "Post", "_prisma_migrations"]);
    const enumValues = await query<{ enumlabel: string }>(
      `SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'Role' ORDER BY e.enumsortorder`,
    );
    expect(enumValues.map((v) => v.enumlabel)).toEqual(["MEMBER", "ADMIN"]);
    // The trigger's $$ body arrived intact.
    await query(`INSERT INTO "Author" (email) VALUES ('a@example.com')`);
    const [post] = await query<{ title: string }>(
      `INSERT INTO "Post" (title, "authorId") SELECT '  padded  ', id FROM "Author" RETURNING title`,
    );
    expect(post?.title).toBe("padded");

    const status = await prisma(["migrate", "status"]);
    expectSuccess(status);
    expect(status.stdout).toContain("Database schema is up to date!");
  });

  it("reads the live database back (catalog types the pg adapter does not map) and finds no drift", async () => {
    const diff = await prisma(["migrate", "diff", "--from-config-datasource", "--to-schema", path.join(workDir, "prisma/schema.prisma"), "--exit-code"]);
    expectSuccess(diff);
    expect(diff.stdout).toContain("No difference detected.");
  });

  it("migrate dev --create-only drafts the next migration on a throwaway shadow database", async () => {
    await writeFile(path.join(workDir, "prisma/schema.prisma"), SCHEMA.replace("  title    String\n", "  title    String\n  body     String?\n"));
    const shadowsBefore = new Set(await shadowDatabases());
    const dev = await prisma(["migrate", "dev", "--create-only", "--name", "add_body"]);
    expectSuccess(dev);

    const drafted = (await readdir(path.join(workDir, "prisma/migrations"))).find((name) => name.endsWith("_add_body"));
    expect(drafted).toBeDefined();
    const sql = await readFile(path.join(workDir, "prisma/migrations", drafted!, "migration.sql"), "utf8");
    expect(sql).toMatch(/ALTER TABLE "Post" ADD COLUMN\s+"body" TEXT;/);

    // Migrations were replayed on a separate database: the real one kept its data and did not get
    // the drafted column, and the shadow database is gone once the engine has exited.
    expect(await query(`SELECT email FROM "Author"`)).toEqual([{ email: "a@example.com" }]);
    const columns = await query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'Post' AND column_name = 'body'`);
    expect(columns).toEqual([]);
    // (Other processes on the server may have shadow databases of their own: ignore those.)
    const leftOver = async () => (await shadowDatabases()).filter((name) => !shadowsBefore.has(name));
    await expect.poll(leftOver, { timeout: 10_000, interval: 250 }).toEqual([]);
  });

  it("migrate dev applies the pending drafted migration in a single run", async () => {
    // The engine forgets its shadow-database state once applyMigrations applied something; without
    // the stand-in's retry this run applied the migration and then failed in evaluateDataLoss.
    const dev = await prisma(["migrate", "dev"]);
    expectSuccess(dev);
    expect(dev.stdout).toContain("Your database is now in sync with your schema.");
    const columns = await query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'Post' AND column_name = 'body'`);
    expect(columns).toHaveLength(1);
  });

  it("migrate diff --from-empty --to-schema --script prints the SQL, with or without a reachable database", async () => {
    for (const config of ["prisma.config.ts", "unreachable.config.ts"]) {
      const diff = await prisma(["migrate", "diff", "--from-empty", "--to-schema", path.join(workDir, "prisma/schema.prisma"), "--script"], config);
      expectSuccess(diff);
      expect(diff.stdout).toContain(`CREATE TYPE "Role" AS ENUM ('MEMBER', 'ADMIN');`);
      expect(diff.stdout).toContain(`CREATE TABLE "Author"`);
      expect(diff.stdout).toMatch(/ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY \("authorId"\) REFERENCES "Author"\("id"\)/);
    }
  });

  it("reports a missing database as P1003 in the one-shot cli mode, which the CLI relies on to create it", async () => {
    const result = await new Promise<Result>((resolve) => {
      execFile(
        engine,
        ["--datasource", JSON.stringify({ url: withDatabase(adminUrl, `${databaseName}_missing`) }), "cli", "can-connect-to-database"],
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
    expect(result.code).toBe(1);
    // The CLI skips the first stderr line and JSON-parses every other one.
    const lines = result.stderr.trim().split("\n").slice(1).map((line) => JSON.parse(line));
    expect(lines).toContainEqual(
      expect.objectContaining({ level: "ERROR", target: "schema_engine::logger", fields: expect.objectContaining({ error_code: "P1003" }) }),
    );
  });
});
