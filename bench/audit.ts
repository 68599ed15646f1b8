// bench/audit: why the audit chain is sealed in batches. Two ways to write a mutation's audit
// row, same workload, same run: (a) ours — a plain INSERT, chained later by the sealer; (b) the
// naive chain — lock the chain head (SELECT … FOR UPDATE), hash, insert, update the head, all
// inside the mutation's transaction, which serialises every writer of a matter. Then how fast
// the sealer chains the backlog. Usage: npm run bench -- audit [transactions=4000] [clients=32]
import { createHash, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { dropDatabase, ensureDatabase, migrateDeploy, resolveTestServer, uniqueDatabaseName, withDatabase } from "../scripts/lib/postgres";

const TOTAL = Number(process.argv[2] ?? 4000);
const CLIENTS = Number(process.argv[3] ?? 32);

async function drive(pool: pg.Pool, work: (client: pg.PoolClient, i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (;;) {
        const i = next++;
        if (i >= TOTAL) return;
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          await work(client, i);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        } finally {
          client.release();
        }
      }
    }),
  );
  return TOTAL / ((performance.now() - started) / 1000);
}

async function main() {
  const server = await resolveTestServer();
  const name = uniqueDatabaseName("proofline_bench_audit");
  await ensureDatabase(server.adminUrl, name);
  const url = withDatabase(server.adminUrl, name);
  try {
    await migrateDeploy(url);
    const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
    const [matter] = (
      await pool.query(
        `INSERT INTO "Matter" (id, slug, caption, "shortName", court, "docketNumber", "batesPrefix", "updatedAt")
         VALUES (gen_random_uuid(), 'bench', 'Bench v. Audit', 'Bench', 'N.D. Cal.', '0', 'B', now()) RETURNING id`,
      )
    ).rows as { id: string }[];
    const matterId = matter!.id;
    await pool.query(`CREATE TABLE bench_mutation (id uuid PRIMARY KEY, n int)`);
    await pool.query(`CREATE TABLE bench_chain_head (chain text PRIMARY KEY, seq bigint, hash text)`);
    await pool.query(`CREATE TABLE bench_locked_event (id bigserial PRIMARY KEY, chain text, seq bigint, hash text, details jsonb)`);
    await pool.query(`INSERT INTO bench_chain_head VALUES ($1, 0, repeat('0', 64))`, [matterId]);

    const unlocked = await drive(pool, async (c, i) => {
      const id = randomUUID();
      await c.query(`INSERT INTO bench_mutation VALUES ($1, $2)`, [id, i]);
      await c.query(
        `INSERT INTO "AuditEvent" ("matterId", action, "entityType", "entityId", details) VALUES ($1, 'bench.write', 'Bench', $2, $3)`,
        [matterId, id, { n: i }],
      );
    });

    const locked = await drive(pool, async (c, i) => {
      const id = randomUUID();
      await c.query(`INSERT INTO bench_mutation VALUES ($1, $2)`, [id, i]);
      const head = (await c.query(`SELECT seq, hash FROM bench_chain_head WHERE chain = $1 FOR UPDATE`, [matterId])).rows[0] as {
        seq: string;
        hash: string;
      };
      const details = { n: i, entityId: id };
      const hash = createHash("sha256").update(head.hash).update(JSON.stringify(details)).digest("hex");
      const seq = BigInt(head.seq) + 1n;
      await c.query(`INSERT INTO bench_locked_event (chain, seq, hash, details) VALUES ($1, $2, $3, $4)`, [matterId, seq, hash, details]);
      await c.query(`UPDATE bench_chain_head SET seq = $2, hash = $3 WHERE chain = $1`, [matterId, seq, hash]);
    });
    await pool.end();

    process.env.DATABASE_URL = url;
    process.env.AUDIT_CHAIN_KEY ??= randomBytes(32).toString("base64url");
    const { sealAllAuditEvents } = await import("../lib/server/audit/seal-audit-events");
    const { unsafeVerifyChain } = await import("../lib/server/audit/verify-audit-chain");
    const { db } = await import("../lib/server/db");
    const t0 = performance.now();
    const sealed = await sealAllAuditEvents();
    const sealRate = sealed / ((performance.now() - t0) / 1000);
    const t1 = performance.now();
    const report = await unsafeVerifyChain(matterId);
    const verifyRate = report.checked / ((performance.now() - t1) / 1000);
    await db.$disconnect();
    if (!report.ok) throw new Error(`chain did not verify: ${JSON.stringify(report.firstBreak)}`);

    console.log(`audit.clients: ${CLIENTS} connections`);
    console.log(`audit.append_sealed_later: ${unlocked.toFixed(0)} tx/s`);
    console.log(`audit.append_locked_chain: ${locked.toFixed(0)} tx/s`);
    console.log(`audit.sealed_later_over_locked_chain: ${(unlocked / locked).toFixed(2)} x`);
    console.log(`audit.seal_rate: ${sealRate.toFixed(0)} events/s`);
    console.log(`audit.verify_rate: ${verifyRate.toFixed(0)} events/s`);
  } finally {
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  }
}

main().catch((error) => {
  console.error(`bench/audit: ${(error as Error).message}`);
  process.exit(1);
});
