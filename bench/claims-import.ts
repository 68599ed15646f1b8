// `npm run bench -- claims-import [--rows 1000000] [--bad 10] [--keep 1]`
// 1. Generates a CSV of --rows paper claims (--bad in every 1,000 refused, every 50th good row a
//    near-twin of the one before), stores it as a blob as the upload does.
// 2. Runs the claims-import job on it (parse + validate with the portal's schema in Node, COPY
//    into staging, set-based checks, signals and inserts in one transaction): the figure.
// 3. The floor, in the same run: a bare COPY of the same CSV file into an unindexed table of
//    text columns (no parsing in Node, no validation, no claims).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { dropDatabase, ensureDatabase, migrateDeploy, resolveTestServer, uniqueDatabaseName, withDatabase } from "../scripts/lib/postgres";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ""), process.argv[i + 1] ?? "");
const ROWS = Number(args.get("rows") ?? 1_000_000);
const BAD = Number(args.get("bad") ?? 10);
// Keep the bench database afterwards (to look at plans), printing its name.
const KEEP = args.has("keep");

async function main() {
  const server = await resolveTestServer();
  const name = uniqueDatabaseName("proofline_bench");
  await ensureDatabase(server.adminUrl, name);
  const url = withDatabase(server.adminUrl, name);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claims-import-"));
  process.env.DATABASE_URL = url;
  process.env.BLOB_ROOT = path.join(dir, "blobs");
  process.env.LOG_LEVEL = "silent";
  try {
    await migrateDeploy(url);
    const { HONG_CLAIM_FORM } = await import("../prisma/seed-claims");
    const { claimImportCsv, CLAIM_IMPORT_HEADER } = await import("../lib/server/testing/claim-import-csv");
    const { copyFrom } = await import("../lib/server/batching/copy-from");
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const matterId = (
      await admin.query<{ id: string }>(
        `INSERT INTO "Matter" (id, slug, caption, "shortName", court, "docketNumber", "batesPrefix", "claimForm", "updatedAt")
         VALUES (gen_random_uuid(), 'bench-import', 'Bench v. Matter', 'Bench', 'N.D. Cal.', '0:00-cv-00000', 'BENCH', $1, now()) RETURNING id`,
        [JSON.stringify(HONG_CLAIM_FORM)],
      )
    ).rows[0]!.id;
    const userId = (
      await admin.query<{ id: string }>(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES (gen_random_uuid(), 'bench@example.org', 'Bench', 'STAFF', now()) RETURNING id`)
    ).rows[0]!.id;

    const file = path.join(dir, "claims.csv");
    let t = performance.now();
    await pipeline(Readable.from(claimImportCsv({ rows: ROWS, badPerThousand: BAD, tag: "b" })), fs.createWriteStream(file));
    const size = fs.statSync(file).size;
    console.log(`bench database: ${name}; ${ROWS.toLocaleString("en-US")} rows (${BAD} bad per 1,000), ${(size / 2 ** 20).toFixed(1)} MiB; generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // The upload: hashed into the blob store (request path), then the import row as start-claim-import.ts writes it.
    const { blobStore } = await import("../lib/server/storage/active-blob-store");
    t = performance.now();
    const staged = await (await blobStore()).stage(fs.createReadStream(file), { maxBytes: 2 ** 31 });
    const storageKey = await staged.commit();
    console.log(`claims-import-upload: ${((performance.now() - t) / 1000).toFixed(2)} s`);
    await admin.query(`INSERT INTO "Blob" (sha256, size, "mediaType", "storageKey") VALUES ($1, $2, 'text/csv', $3)`, [staged.sha256, staged.size, storageKey]);
    const importId = (
      await admin.query<{ id: string }>(`INSERT INTO "ClaimImport" (id, "matterId", "fileName", "blobSha256", "createdById") VALUES (gen_random_uuid(), $1, 'claims.csv', $2, $3) RETURNING id`, [
        matterId,
        staged.sha256,
        userId,
      ])
    ).rows[0]!.id;

    const { unsafeRunClaimImport } = await import("../lib/server/claims/run-claim-import");
    t = performance.now();
    const totals = await unsafeRunClaimImport(importId, { onPhase: (step, ms) => console.log(`  ${step}: ${(ms / 1000).toFixed(2)} s`) });
    const seconds = (performance.now() - t) / 1000;
    if (!totals) throw new Error(`the import failed: ${(await admin.query(`SELECT failure FROM "ClaimImport" WHERE id = $1`, [importId])).rows[0]?.failure}`);
    const signals = (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ClaimSignal"`)).rows[0]!.n;
    console.log(`claims imported: ${totals.imported}, refused: ${totals.errors}, with signals: ${totals.flagged} (${signals} signals)`);
    console.log(`claims-import: ${seconds.toFixed(2)} s`);
    console.log(`claims-import-rows-per-s: ${Math.round(ROWS / seconds)} rows/s`);

    // The floor: the same bytes COPYed raw into an unindexed table (nothing parsed in Node).
    const columns = CLAIM_IMPORT_HEADER.split(",");
    await admin.query(`CREATE UNLOGGED TABLE copy_floor (${columns.map((c) => `"${c}" text`).join(", ")})`);
    t = performance.now();
    await copyFrom(admin, `COPY copy_floor FROM STDIN WITH (FORMAT csv, HEADER true)`, fs.createReadStream(file));
    const floor = (performance.now() - t) / 1000;
    console.log(`claims-import-copy-floor: ${floor.toFixed(2)} s`);
    console.log(`claims-import-vs-floor: ${(seconds / floor).toFixed(1)} x`);
    console.log(`load: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    await admin.end();
    const { db } = await import("../lib/server/db");
    await db.$disconnect();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    if (KEEP) console.log(`kept database ${name}`);
    else await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
