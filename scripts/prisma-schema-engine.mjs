#!/usr/bin/env node
// @ts-check
// Stand-in for Prisma's native `schema-engine` binary.
//
// Why this exists: every `prisma` CLI command first makes sure the native
// schema-engine binary is present and downloads it when it is missing. Our
// machines reach the npm registry but not Prisma's binary CDN, so that
// download fails and the CLI is unusable. The CLI skips the download when
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file, and then spawns that
// file as the engine. This script is that file: it speaks the native engine's
// command-line and JSON-RPC protocol, and does the actual work with the same
// engine compiled to WebAssembly (@prisma/schema-engine-wasm, an npm package),
// which reaches PostgreSQL through @prisma/adapter-pg.
//
// prisma.config.ts points the CLI here:
//   process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= <absolute path of this file>
//
// Protocol, as the CLI (prisma 7.10) uses it:
// - `--version`                                  -> print `schema-engine-cli <hash>`.
// - `--datasource <json> cli <command>`          -> one-shot command; the exit code
//   is the answer, errors go to stderr as JSON log lines (see runCliCommand).
// - `[--datamodels <path>]... [--datasource <json>]` -> JSON-RPC 2.0 server, one JSON
//   object per line on stdin/stdout; log lines go to stderr as JSON objects
//   `{level, target, fields: {message}}`. The CLI ends stdin when it is done.
//
// Plain JavaScript on purpose: the CLI executes this file directly (shebang),
// so there must be no build step between the source and what runs. Types are
// JSDoc, checked by `tsc --noEmit` (tsconfig.json includes this file).

import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import path from "node:path";
import readline from "node:readline";

/** @typedef {import("@prisma/driver-adapter-utils").SqlQuery} SqlQuery */
/** @typedef {import("@prisma/driver-adapter-utils").SqlResultSet} SqlResultSet */
/** @typedef {import("@prisma/driver-adapter-utils").SqlDriverAdapter} SqlDriverAdapter */
/** @typedef {{ url?: string, shadowDatabaseUrl?: string }} Datasource */
/** @typedef {{ tag: string, url?: string }} DiffTarget */
// An error from pg, the engine or Node: any of these fields may be there.
/** @typedef {Error & { code?: string, meta?: Record<string, unknown>, rpcCode?: number }} AnyError */

// ---------------------------------------------------------------------------
// stderr logging
// ---------------------------------------------------------------------------

// The CLI reads stderr line by line and JSON-parses every line (in the
// one-shot mode a single non-JSON line makes it fail), so nothing else may
// write free text there: route console output and warnings through log().
process.stderr.on("error", () => {}); // the CLI may close the pipe before we exit
process.stdout.on("error", () => {});

/**
 * @param {"INFO" | "WARN" | "ERROR"} level
 * @param {string} message
 * @param {Record<string, unknown>} [extra]
 * @param {string} [target]
 */
function log(level, message, extra = {}, target = "schema_engine_cli") {
  try {
    process.stderr.write(
      JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target }) + "\n",
    );
  } catch {
    // stderr is gone: nothing sensible left to do with a log line
  }
}

const formatArgs = (/** @type {unknown[]} */ args) => args.map((a) => (typeof a === "string" ? a : a instanceof Error ? a.stack : safeJson(a))).join(" ");
console.log = console.info = console.debug = (...args) => log("INFO", formatArgs(args));
console.warn = (...args) => log("WARN", formatArgs(args));
console.error = (...args) => log("ERROR", formatArgs(args));
process.removeAllListeners("warning");
process.on("warning", (w) => log("WARN", `${w.name}: ${w.message}`));

/** @param {unknown} value */
function safeJson(value) {
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  } catch {
    return String(value);
  }
}

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

/**
 * @param {string[]} argv
 * @returns {{ datamodels: string[], datasource: Datasource | undefined, cliCommand: string | undefined, version: boolean, help?: boolean }}
 */
function parseArgs(argv) {
  /** @type {ReturnType<typeof parseArgs>} */
  const args = { datamodels: [], datasource: undefined, cliCommand: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels" || arg === "-d") args.datamodels.push(/** @type {string} */ (argv[++i]));
    else if (arg === "--datasource") args.datasource = JSON.parse(/** @type {string} */ (argv[++i]));
    // Accepted for compatibility with the native binary; the Wasm engine has no use for them.
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "cli") args.cliCommand = argv[++i];
    else if (arg === "--help" || arg === "-h") args.help = true;
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));

// The engine's own version is the engines hash shipped with the CLI; the CLI
// compares it when it lists versions (`prisma --version`).
async function engineVersion() {
  const glue = await loadGlue();
  return glue.version();
}

// ---------------------------------------------------------------------------
// Loading the Wasm engine
// ---------------------------------------------------------------------------

/** @type {Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined} */
let gluePromise;
// The package's main entry does `import * as wasm from "./x.wasm"`, which Node
// cannot import without an experimental flag, so we instantiate the module
// ourselves with the JS glue as its import object, as its main entry would.
function loadGlue() {
  gluePromise ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmUrl = new URL("./schema_engine_bg.wasm", import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    /** @type {WebAssembly.ModuleImports} */
    const imports = { ...glue };
    // The engine arms timers (10 s and 60 s ones during migrate dev) that it
    // does not clear; ref'd, they would keep Node alive that long after the
    // work is done. Unref them: pending work is kept alive by its database
    // sockets and the stdin pipe anyway. (We also exit explicitly, see shutdown.)
    const setTimeoutImport = Object.keys(glue).find((k) => k.startsWith("__wbg_setTimeout_"));
    if (setTimeoutImport) {
      imports[setTimeoutImport] = (/** @type {unknown[]} */ ...a) => {
        const timer = /** @type {(...a: unknown[]) => NodeJS.Timeout | undefined} */ (/** @type {Record<string, unknown>} */ (glue)[setTimeoutImport])(...a);
        timer?.unref?.();
        return timer;
      };
    } else {
      const original = globalThis.setTimeout;
      globalThis.setTimeout = /** @type {typeof setTimeout} */ (
        (/** @type {Parameters<typeof setTimeout>} */ ...a) => {
          const timer = original(...a);
          timer?.unref?.();
          return timer;
        }
      );
    }
    const { instance } = await WebAssembly.instantiate(await readFile(wasmUrl), {
      "./schema_engine_bg.js": imports,
    });
    glue.__wbg_set_wasm(instance.exports);
    /** @type {{ __wbindgen_start?: () => void }} */ (/** @type {unknown} */ (instance.exports)).__wbindgen_start?.();
    return glue;
  })();
  return gluePromise;
}

// The glue reports Rust panic messages to this global registry (the Wasm trap
// itself only says "unreachable"); we read it back to answer with the text.
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: "",
  /** @param {string} message */
  set_message(message) {
    this.message = `RuntimeError: ${message}`;
  },
  get() {
    return this.message;
  },
};

// ---------------------------------------------------------------------------
// Connection URLs and plain `pg` helpers
// ---------------------------------------------------------------------------

const pgModule = await import("pg");
const pg = pgModule.default ?? pgModule;

class UserFacingError extends Error {
  /**
   * @param {string} errorCode
   * @param {string} message
   * @param {Record<string, unknown>} [meta]
   */
  constructor(errorCode, message, meta = {}) {
    super(message);
    this.errorCode = errorCode;
    this.meta = meta;
  }
}

/** @param {string | undefined} url */
function parseUrl(url) {
  if (!url) {
    throw new UserFacingError(
      "P1012",
      "The datasource URL is missing. Set `datasource.url` in prisma.config.ts (see https://pris.ly/d/config-url).",
    );
  }
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserFacingError("P1013", "The provided database string is invalid. The URL could not be parsed.");
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new UserFacingError(
      "P1013",
      `The provided database string is invalid. This schema engine stand-in only supports PostgreSQL, got \`${parsed.protocol}\`.`,
    );
  }
  return parsed;
}

/** @param {string | undefined} url */
function databaseName(url) {
  const name = decodeURIComponent(parseUrl(url).pathname.replace(/^\//, ""));
  return name || "postgres";
}

/**
 * @param {string | undefined} url
 * @param {string} name
 */
function withDatabase(url, name) {
  const parsed = parseUrl(url);
  parsed.pathname = "/" + encodeURIComponent(name);
  return parsed.toString();
}

/** @param {string | undefined} url */
function serverLocation(url) {
  const parsed = parseUrl(url);
  const host = parsed.searchParams.get("host") || parsed.hostname || "localhost";
  return `${host}:${parsed.port || 5432}`;
}

const quoteIdent = (/** @type {string} */ name) => `"${String(name).replaceAll('"', '""')}"`;

// Prisma URLs select a Postgres schema with `?schema=`; `pg` does not know that
// parameter, so strip it and pass the schema to the adapter (what the engine
// introspects and diffs against) and to search_path (where unqualified DDL in
// migration scripts lands), as the native engine does.
/** @param {string | undefined} url */
function pgConfig(url) {
  const parsed = parseUrl(url);
  const schema = parsed.searchParams.get("schema") || undefined;
  parsed.searchParams.delete("schema");
  /** @type {import("pg").ClientConfig} */
  const config = { connectionString: parsed.toString() };
  if (schema && !parsed.searchParams.has("options")) config.options = `-c search_path=${quoteIdent(schema)}`;
  return { config, schema };
}

// Turn a `pg` connection failure into the error codes the CLI understands
// (it creates the database on P1003, and prints P1001/P1000 nicely).
/**
 * @param {AnyError} error
 * @param {string | undefined} url
 */
function connectionError(error, url) {
  const location = serverLocation(url);
  const db = databaseName(url);
  const user = decodeURIComponent(parseUrl(url).username || "postgres");
  const code = error?.code ?? "";
  if (["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "ECONNRESET", "EAI_AGAIN", "ENOENT"].includes(code)) {
    return new UserFacingError(
      "P1001",
      `Can't reach database server at \`${location}\`\n\nPlease make sure your database server is running at \`${location}\`.`,
      { database_location: location },
    );
  }
  if (code === "3D000") {
    return new UserFacingError("P1003", `Database \`${db}\` does not exist on the database server at \`${location}\`.`, {
      database_name: db,
      database_location: location,
    });
  }
  if (code === "28P01" || (code === "28000" && !/permission denied/i.test(error.message))) {
    return new UserFacingError(
      "P1000",
      `Authentication failed against database server at \`${location}\`, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${location}\`.`,
      { database_user: user, database_host: location },
    );
  }
  if (code === "42501" || code === "28000") {
    return new UserFacingError("P1010", `User \`${user}\` was denied access on the database \`${db}\``, {
      database_user: user,
      database_name: db,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * @template T
 * @param {string | undefined} url
 * @param {(client: import("pg").Client) => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withClient(url, fn) {
  const client = new pg.Client(pgConfig(url).config);
  client.on("error", () => {}); // a dropped connection surfaces through the pending query instead
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw connectionError(/** @type {AnyError} */ (error), url);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// CREATE/DROP DATABASE cannot run inside the database concerned, so they run
// from a maintenance database on the same server.
/**
 * @template T
 * @param {string | undefined} url
 * @param {(client: import("pg").Client) => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withMaintenanceClient(url, fn) {
  /** @type {unknown} */
  let lastError;
  for (const name of ["postgres", "template1"]) {
    try {
      return await withClient(withDatabase(url, name), fn);
    } catch (error) {
      if (error instanceof UserFacingError && error.errorCode === "P1003") {
        lastError = error;
        continue;
      }
      throw error;
    }
  }
  throw lastError;
}

/** @param {string | undefined} url */
async function createDatabase(url) {
  const name = databaseName(url);
  await withMaintenanceClient(url, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (error) {
      if (/** @type {AnyError} */ (error).code === "42P04") {
        throw new UserFacingError(
          "P1009",
          `Database \`${name}\` already exists on the database server at \`${serverLocation(url)}\``,
          { database_name: name, database_location: serverLocation(url) },
        );
      }
      throw error;
    }
  });
  return name;
}

/**
 * @param {string | undefined} url
 * @param {{ force?: boolean }} [options]
 */
async function dropDatabase(url, { force = false } = {}) {
  const name = databaseName(url);
  await withMaintenanceClient(url, async (client) => {
    // WITH (FORCE) (PostgreSQL 13+) ends connections a pool may still hold.
    if (force) {
      try {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        return;
      } catch (error) {
        if (/** @type {AnyError} */ (error).code !== "42601") throw error; // older server: no FORCE syntax
      }
    }
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
  });
  return name;
}

// ---------------------------------------------------------------------------
// One-shot mode: `--datasource <json> cli <command>`
// ---------------------------------------------------------------------------

// The CLI runs these with execa and only looks at stderr when the exit code is
// non-zero: it drops the first line, JSON-parses every other line and looks
// for `{level: "ERROR", target: "schema_engine::logger", fields: {error_code, message}}`.
/** @param {string} command */
async function runCliCommand(command) {
  log("INFO", `Starting schema engine CLI command ${command}`);
  const url = args.datasource?.url;
  try {
    switch (command) {
      case "can-connect-to-database":
        await withClient(url, (client) => client.query("SELECT 1"));
        process.stdout.write("Connection successful\n");
        break;
      case "create-database": {
        const name = await createDatabase(url);
        process.stdout.write(`Database '${name}' was successfully created.\n`);
        break;
      }
      case "drop-database":
        await dropDatabase(url);
        process.stdout.write("The database was successfully dropped.\n");
        break;
      default:
        throw new Error(`Unknown cli command: ${command}`);
    }
    return 0;
  } catch (caught) {
    const error = /** @type {AnyError} */ (caught);
    /** @type {{ message: string, error_code?: string }} */
    const fields = { message: error.message };
    if (error instanceof UserFacingError) fields.error_code = error.errorCode;
    log("ERROR", error.message, fields, "schema_engine::logger");
    return 1;
  }
}

// ---------------------------------------------------------------------------
// Driver adapter, with workarounds for @prisma/adapter-pg 7.10
// ---------------------------------------------------------------------------

const { PrismaPg } = await import("@prisma/adapter-pg");
const { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } = await import("@prisma/driver-adapter-utils");

// Workaround 1: the schema describer reads pg_catalog columns whose types the
// adapter does not map ("could not be deserialized" / UnsupportedNativeDataType).
// `pg` already returns all of these as strings (none has a type parser), so
// reporting them as text is accurate. `"char"` (pg_class.relkind,
// pg_constraint.contype, ...) is reported as the engine's Character type,
// which is what the describer reads those columns as.
const CATALOG_TEXT_OIDS = new Set([
  18, // "char"
  19, // name
  22, // int2vector
  24, // regproc
  27, // tid
  28, // xid
  29, // cid
  30, // oidvector
  194, // pg_node_tree
  1033, // aclitem
  2202, // regprocedure
  2203, // regoper
  2204, // regoperator
  2205, // regclass
  2206, // regtype
  3220, // pg_lsn
  3734, // regconfig
  3769, // regdictionary
  4089, // regnamespace
  4096, // regrole
  4191, // regcollation
  5069, // xid8
]);
const CHAR_OID = 18;
const TEXT_OID = 25;

// What the patches below touch: performIO and onError are private and protected in
// @prisma/adapter-pg's types, so the adapter is seen through this structural type.
/**
 * @typedef {{
 *   performIO(query: SqlQuery): Promise<{ fields?: { dataTypeID: number }[], rows: unknown[] }>,
 *   queryRaw(query: SqlQuery): Promise<SqlResultSet>,
 * }} PatchableQueryable
 * @typedef {SqlDriverAdapter & PatchableQueryable & {
 *   underlyingDriver(): import("pg").Pool,
 *   onError(error: unknown): never,
 * }} PatchableAdapter
 */

/**
 * @template {import("@prisma/driver-adapter-utils").SqlQueryable} T
 * @param {T} target
 * @returns {T}
 */
function patchQueryable(target) {
  const queryable = /** @type {PatchableQueryable} */ (/** @type {unknown} */ (target));
  // The adapter's queryRaw maps column types from `performIO`'s result fields.
  // Rewrite those fields to text before it looks, remember (keyed by the rows
  // array, which queryRaw passes through untouched) which were `"char"`, and
  // correct those column types afterwards.
  /** @type {WeakMap<object, number[]>} */
  const characterColumns = new WeakMap();
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    /** @type {number[]} */
    const chars = [];
    for (const [index, field] of (result?.fields ?? []).entries()) {
      if (!CATALOG_TEXT_OIDS.has(field.dataTypeID)) continue;
      if (field.dataTypeID === CHAR_OID) chars.push(index);
      field.dataTypeID = TEXT_OID;
    }
    if (chars.length > 0) characterColumns.set(result.rows, chars);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of characterColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return target;
}

/** @param {PatchableAdapter} adapter */
function patchAdapter(adapter) {
  patchQueryable(adapter);

  // Workaround 2: the adapter's executeScript splits the script on every `;`,
  // which breaks `$$ ... $$` function bodies, string literals and comments
  // containing `;`. Send the whole script as one simple-protocol query (no
  // parameters), which PostgreSQL executes statement by statement itself,
  // exactly like the native engine does with migration files.
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error); // converts to the adapter's DriverAdapterError and throws
    }
  };

  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...a) => patchQueryable(await startTransaction(...a));
  return adapter;
}

// Throwaway shadow databases. CREATE DATABASE and DROP DATABASE each take
// ~0.6 s (they fsync / checkpoint), and the engine asks for a shadow database
// twice per devDiagnostic, so a released one is emptied and handed out again
// within the same request. After each request they are all dropped: nothing
// must outlive the command that needed it.
const shadowDatabases = {
  /** @type {string[]} */
  free: [], // URLs of emptied shadow databases ready for reuse
  /** @type {Map<string, import("pg").Pool>} */
  pools: new Map(), // URL -> pg pool of the adapter currently using it
  /** @type {Set<string>} */
  all: new Set(), // every shadow database URL not yet dropped
  /** @type {Set<Promise<void>>} */
  drops: new Set(), // pending background drops, awaited on shutdown
};

// Drops every schema, then recreates `public`: the state of a new database,
// as far as anything Prisma migrations create or diff is concerned.
const EMPTY_DATABASE_SQL = `
DO $$
DECLARE s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
  LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  CREATE SCHEMA public;
END
$$;`;

/** @param {string | undefined} mainUrl */
async function acquireShadowDatabase(mainUrl) {
  const reusable = shadowDatabases.free.pop();
  if (reusable) return reusable;
  const name = `prisma_migrate_shadow_db_${randomUUID()}`;
  await withClient(mainUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = withDatabase(mainUrl, name);
  shadowDatabases.all.add(url);
  return url;
}

/** @param {string} url */
async function releaseShadowDatabase(url) {
  shadowDatabases.pools.delete(url);
  if (!shadowDatabases.all.has(url)) return; // already dropped at the end of its request
  try {
    await withClient(url, (client) => client.query(EMPTY_DATABASE_SQL));
    shadowDatabases.free.push(url);
  } catch (error) {
    log("WARN", `Could not empty shadow database ${databaseName(url)}: ${/** @type {AnyError} */ (error).message}`);
    dropShadowDatabasesInBackground([url]);
  }
}

/** @param {string[]} [urls] */
function dropShadowDatabasesInBackground(urls = [...shadowDatabases.all]) {
  for (const url of urls) {
    shadowDatabases.all.delete(url);
    shadowDatabases.free = shadowDatabases.free.filter((free) => free !== url);
    const pool = shadowDatabases.pools.get(url);
    shadowDatabases.pools.delete(url);
    /** @type {Promise<void>} */
    const drop = (async () => {
      await pool?.end().catch(() => {});
      await dropDatabase(url, { force: true });
    })()
      .catch((/** @type {AnyError} */ error) => log("WARN", `Could not drop shadow database ${databaseName(url)}: ${error.message}`))
      .finally(() => shadowDatabases.drops.delete(drop));
    shadowDatabases.drops.add(drop);
  }
}

async function dropAllShadowDatabases() {
  dropShadowDatabasesInBackground();
  await Promise.all([...shadowDatabases.drops]);
}

/** @param {Datasource | undefined} datasource */
function adapterFactory(datasource) {
  const url = datasource?.url;
  const shadowUrl = datasource?.shadowDatabaseUrl;

  /** @param {string | undefined} connectUrl */
  async function connectTo(connectUrl) {
    const { config, schema } = pgConfig(connectUrl);
    const adapter = await new PrismaPg(config, schema ? { schema } : undefined).connect();
    return patchAdapter(/** @type {PatchableAdapter} */ (/** @type {unknown} */ (adapter)));
  }

  return bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(url),

    // Workaround 3: the adapter's connectToShadowDb builds the shadow pool from
    // `{...config, database}`, but `connectionString` wins over `database`, so
    // the "shadow" database silently is the main one and `migrate dev` would
    // replay migrations on (and reset) the real database. Create a throwaway
    // database ourselves, connect to it by URL, and drop it on dispose.
    async connectToShadowDb() {
      if (shadowUrl) return connectToConfiguredShadowDb(shadowUrl);
      const shadowDbUrl = await acquireShadowDatabase(url);
      const adapter = await connectTo(shadowDbUrl);
      shadowDatabases.pools.set(shadowDbUrl, adapter.underlyingDriver());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose().catch(() => {});
        await releaseShadowDatabase(shadowDbUrl);
      };
      return adapter;
    },
  });

  // An explicitly configured shadow database is used as is, after emptying it
  // (the native engine resets it the same way before replaying migrations).
  /** @param {string} configuredUrl */
  async function connectToConfiguredShadowDb(configuredUrl) {
    if (url && databaseName(configuredUrl) === databaseName(url) && serverLocation(configuredUrl) === serverLocation(url)) {
      throw new Error(
        "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
      );
    }
    const adapter = await connectTo(configuredUrl);
    await adapter.underlyingDriver().query(EMPTY_DATABASE_SQL);
    return adapter;
  }
}

// For `migrate diff` between schema files / empty, which needs no database:
// the engine still runs one probe query when it starts (schema exists, server
// version). When no database is reachable, answer that probe and refuse
// everything else, so such diffs work offline like with the native engine.
/** @param {Datasource | undefined} datasource */
function offlineAdapterFactory(datasource) {
  const schema = (datasource?.url && safePgSchema(datasource.url)) || "public";
  const refuse = async () => {
    throw new Error("This operation needs a database connection, but no database is reachable.");
  };
  /** @type {SqlDriverAdapter} */
  const adapter = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async queryRaw(query) {
      if (/pg_namespace/.test(query.sql) && /version\(\)/.test(query.sql)) {
        return {
          columnNames: ["exists", "version", "numeric_version"],
          columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
          rows: [[true, "PostgreSQL 16.0 (offline schema engine stand-in)", 160000]],
        };
      }
      return refuse();
    },
    executeRaw: refuse,
    executeScript: refuse,
    startTransaction: refuse,
    getConnectionInfo: () => ({ schemaName: schema, supportsRelationJoins: true }),
    dispose: async () => {},
  };
  return bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => adapter,
    connectToShadowDb: refuse,
  });
}

/** @param {string} url */
function safePgSchema(url) {
  try {
    return pgConfig(url).schema;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// JSON-RPC server
// ---------------------------------------------------------------------------

// Methods whose name differs between the CLI's JSON-RPC API and the Wasm engine.
/** @type {Record<string, string>} */
const METHOD_ALIASES = { getDatabaseVersion: "version" };
const ENGINE_METHODS = new Set([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "debugPanic",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "diff",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
  "version",
]);

/** @returns {Promise<[string, string][] | undefined>} */
async function readDatamodels() {
  if (args.datamodels.length === 0) return undefined; // the engine wants undefined or a non-empty list
  return Promise.all(
    args.datamodels.map(async (file) => /** @type {[string, string]} */ ([file, await readFile(path.resolve(process.cwd(), file), "utf8")])),
  );
}

/** @param {unknown} line */
function engineLog(line) {
  // The engine already formats its log lines like the native binary does.
  try {
    process.stderr.write(String(line).trimEnd() + "\n");
  } catch {
    // stderr closed
  }
}

/** @param {object} factory a driver adapter factory (bindMigrationAwareSqlAdapterFactory) */
async function newEngine(factory) {
  const glue = await loadGlue();
  return glue.SchemaEngine.new({ datamodels: await readDatamodels() }, engineLog, factory);
}

/** @type {ReturnType<typeof newEngine> | undefined} */
let enginePromise;
async function getEngine() {
  enginePromise ??= (async () => {
    try {
      return await newEngine(adapterFactory(args.datasource));
    } catch (error) {
      // The engine reports connection problems as bare messages; give the CLI
      // the coded error the native engine would (P1001, P1003, ...) if plain
      // `pg` can tell what is wrong.
      if (args.datasource?.url) await withClient(args.datasource.url, (client) => client.query("SELECT 1"));
      throw error;
    }
  })();
  try {
    return await enginePromise;
  } catch (error) {
    enginePromise = undefined; // let a later request try again
    throw error;
  }
}

/** @param {{ from?: DiffTarget, to?: DiffTarget } | undefined} params */
function diffNeedsDatabase(params) {
  return [params?.from, params?.to].some((target) => target && !["empty", "schemaDatamodel"].includes(target.tag));
}

/** @param {{ from?: DiffTarget, to?: DiffTarget } | undefined} params */
async function engineForDiff(params) {
  if (diffNeedsDatabase(params)) return getEngine();
  if (args.datasource?.url) {
    try {
      return await getEngine();
    } catch (error) {
      log("INFO", `No database for migrate diff (${/** @type {AnyError} */ (error).message}); diffing offline.`);
    }
  }
  return newEngine(offlineAdapterFactory(args.datasource));
}

// The native engine prints diff output by sending the CLI a `print` request
// (the CLI ignores `stdout` in the diff result), so we do the same.
let nextOutgoingId = 1;
/** @type {Map<string, { resolve: (result: unknown) => void, reject: (error: Error) => void }>} */
const pendingOutgoing = new Map();
/**
 * @param {string} method
 * @param {unknown} params
 */
function requestFromCli(method, params) {
  const id = `stand-in-${nextOutgoingId++}`;
  return new Promise((resolve, reject) => {
    pendingOutgoing.set(id, { resolve, reject });
    send({ jsonrpc: "2.0", id, method, params });
  });
}

const SHADOW_STATE_LOST = /shadow DB must be provided through an external factory/;

/** @typedef {(params: unknown) => Promise<unknown>} EngineMethod */

// The CLI's request parameters, as far as this file reads them; the engine checks the rest.
/**
 * @param {string} method
 * @param {any} params
 */
async function handle(method, params) {
  switch (method) {
    // The Wasm engine has no createDatabase; it is plain SQL anyway.
    case "createDatabase": {
      const url = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : args.datasource?.url;
      return { databaseName: await createDatabase(url) };
    }
    // `prisma db execute` sends `{tag: "url"}`, which the Wasm engine cannot
    // connect to; run the script directly, as one simple-protocol query.
    case "dbExecute": {
      if (params?.datasourceType?.tag === "url") {
        await withClient(params.datasourceType.url, async (client) => {
          try {
            await client.query(params.script);
          } catch (error) {
            throw new Error(`ERROR: ${/** @type {AnyError} */ (error).message}`);
          }
        });
        return null;
      }
      return (await getEngine()).dbExecute(params);
    }
    case "diff": {
      const engine = await engineForDiff(params);
      const result = await engine.diff(params);
      if (typeof result?.stdout === "string" && result.stdout.length > 0) {
        await requestFromCli("print", { content: result.stdout });
      }
      return { ...result, stdout: null };
    }
    case "debugPanic":
      return (await getEngine()).debugPanic();
    default: {
      const engineMethod = METHOD_ALIASES[method] ?? method;
      if (!ENGINE_METHODS.has(engineMethod)) {
        /** @type {AnyError} */
        const error = new Error(`Method not found: ${method}`);
        error.rpcCode = -32601;
        throw error;
      }
      const engine = await getEngine();
      // Call as a method: a detached reference loses the Wasm object binding.
      try {
        return await /** @type {EngineMethod} */ (/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (engine))[engineMethod])(params ?? undefined);
      } catch (caught) {
        const error = /** @type {AnyError | undefined} */ (caught);
        if (engineMethod === "applyMigrations") throw migrationFailedError(error);
        if (!SHADOW_STATE_LOST.test(String(error?.message)) || !params?.migrationsList) throw error;
        // The Wasm engine only computes the "schema the migrations produce"
        // (replayed on a shadow database) in devDiagnostic /
        // diagnoseMigrationHistory, and evaluateDataLoss/createMigration reuse
        // it. After applyMigrations actually applied something it is gone, and
        // `migrate dev` (devDiagnostic, applyMigrations, evaluateDataLoss)
        // failed with "PostgreSQL shadow DB must be provided through an
        // external factory" until the next run. Recompute it and retry once.
        log("INFO", `${method}: recomputing the shadow database state, then retrying`);
        await engine.devDiagnostic({
          migrationsList: params.migrationsList,
          filters: params.filters ?? { externalTables: [], externalEnums: [] },
        });
        return await /** @type {EngineMethod} */ (/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (engine))[engineMethod])(params);
      }
    }
  }
}

// The native engine reports a failing migration script as P3018 (which the
// CLI explains with `migrate resolve` advice); the Wasm engine only says
// "external connector error". Restore the code, keep the database's message.
/** @param {AnyError | undefined} error */
function migrationFailedError(error) {
  const message = String(error?.message ?? "");
  const migrationName = /apply_script\s+with migration_name="([^"]+)"/.exec(message)?.[1];
  if (error?.code || !migrationName) return error;
  const databaseError = /** @type {string} */ (message.split(/\n\s+0: /)[0])
    .replace(/^external connector error\n/, "")
    .replace(/^Error querying the database: /, "");
  return new UserFacingError(
    "P3018",
    "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
      "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve" +
      `\n\nMigration name: ${migrationName}\n\nDatabase error:\n${databaseError}`,
    { migration_name: migrationName, database_error: databaseError },
  );
}

/** @param {AnyError | undefined} error */
function toRpcError(error) {
  if (error?.rpcCode) return { code: error.rpcCode, message: error.message };
  if (error instanceof UserFacingError) {
    return {
      code: 4466,
      message: "An error happened. Check the data field for details.",
      data: { is_panic: false, message: error.message, error_code: error.errorCode, meta: error.meta },
    };
  }
  // A Rust panic surfaces as a WebAssembly trap; its text is in the registry.
  if (error?.name === "RuntimeError") {
    const message = /** @type {{ get(): string }} */ (globalThis.PRISMA_WASM_PANIC_REGISTRY).get() || error.message;
    return {
      code: 4466,
      message,
      data: { is_panic: true, message, error: { message }, backtrace: error.stack ?? null },
    };
  }
  // User-facing engine errors (P3xxx, ...) carry `code` and `meta`.
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string" && /^P\d{4}$/.test(error.code)) {
    return {
      code: 4466,
      message: "An error happened. Check the data field for details.",
      data: { is_panic: false, message: error.message, error_code: error.code, meta: error.meta ?? {} },
    };
  }
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : safeJson(error);
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, meta: {} },
  };
}

/** @param {unknown} message */
function send(message) {
  process.stdout.write(safeJson(message) + "\n");
}

async function serveJsonRpc() {
  log("INFO", "Starting schema engine RPC server (wasm stand-in)");
  // Requests run one at a time, in order (the engine is not reentrant), but
  // responses to our own requests (e.g. `print`) are handled immediately so a
  // request waiting on the CLI cannot block itself.
  let queue = Promise.resolve();
  /** @type {AnyError | undefined} */
  let panic;
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined && message.id !== undefined && pendingOutgoing.has(message.id)) {
      const pending = /** @type {{ resolve: (result: unknown) => void, reject: (error: Error) => void }} */ (pendingOutgoing.get(message.id));
      pendingOutgoing.delete(message.id);
      if (message.error) pending.reject(new Error(message.error.message ?? "CLI error"));
      else pending.resolve(message.result);
      return;
    }
    queue = queue.then(async () => {
      try {
        // A Rust panic aborts inside the Wasm instance and leaves it unusable
        // (later calls never settle), so after one every request fails fast.
        if (panic) throw panic;
        const result = await handle(message.method, message.params);
        if (message.id !== undefined) send({ jsonrpc: "2.0", id: message.id, result: result ?? null });
      } catch (caught) {
        const error = /** @type {AnyError | undefined} */ (caught);
        if (error?.name === "RuntimeError") panic = error;
        log("INFO", `${message.method} failed: ${error?.message ?? error}`);
        if (message.id !== undefined) send({ jsonrpc: "2.0", id: message.id, error: toRpcError(error) });
      } finally {
        // Nothing outlives a command; make sure no throwaway database does.
        // In the background: the response is already out, and shutdown waits.
        dropShadowDatabasesInBackground();
      }
    });
  });
  await new Promise((resolve) => lines.on("close", resolve));
  await queue;
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

let shuttingDown = false;
/** @param {number} code */
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  // Bounded: the CLI sends SIGTERM right after closing stdin and does not wait.
  await Promise.race([dropAllShadowDatabases(), new Promise((r) => setTimeout(r, 5000).unref())]);
  // Exit explicitly: pg pools and the engine keep handles open that would
  // otherwise hold the process for their idle timeouts.
  process.exit(code);
}

process.on("SIGTERM", () => void shutdown(0));
process.on("SIGINT", () => void shutdown(130));
process.on("unhandledRejection", (/** @type {AnyError | undefined} */ error) => log("ERROR", `Unhandled rejection: ${error?.stack ?? error}`));

try {
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${await engineVersion()}\n`);
    await shutdown(0);
  } else if (args.help) {
    process.stdout.write(
      "Prisma schema engine stand-in (Wasm). Usage: prisma-schema-engine.mjs [--datamodels <path>]... [--datasource <json>] [cli <can-connect-to-database|create-database|drop-database>]\n",
    );
    await shutdown(0);
  } else if (args.cliCommand) {
    await shutdown(await runCliCommand(args.cliCommand));
  } else {
    await serveJsonRpc();
    await shutdown(0);
  }
} catch (caught) {
  const error = /** @type {AnyError | undefined} */ (caught);
  log("ERROR", error?.stack ?? String(error));
  await shutdown(1);
}
