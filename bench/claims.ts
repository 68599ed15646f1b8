// `npm run bench -- claims [--concurrency 50] [--seconds 15] [--rescore 1000000]`
// 1. Claims/s and p95 over HTTP against the production web server (scripts/web-server.ts; needs
//    `next build`), N concurrent clients,
//    every request a different person from a different IP (so the per-IP limits do not bite).
// 2. The same inserts as a bare `pg` loop with the same concurrency, one claim per statement:
//    the ceiling the app is held to.
// 3. Batch re-scoring of a generated matter of --rescore claims.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import pg from "pg";
import { ensureDatabase, dropDatabase, migrateDeploy, resolveTestServer, uniqueDatabaseName, withDatabase, bin, ROOT } from "../scripts/lib/postgres";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ""), process.argv[i + 1] ?? "");
const CONCURRENCY = Number(args.get("concurrency") ?? 50);
const SECONDS = Number(args.get("seconds") ?? 15);
const RESCORE_N = Number(args.get("rescore") ?? 1_000_000);
const PORT = Number(args.get("port") ?? process.env.E2E_PORT ?? 3203);
const SLUG = "bench-matter";

function person(i: number) {
  const t = randomBytes(5).toString("hex");
  const name = `Bench Person ${t}`;
  return {
    submissionKey: randomUUID(),
    filingFor: "SELF",
    fullName: name,
    dateOfBirth: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
    email: `bench.${t}@example.org`,
    phone: `312-555-${String(i % 10000).padStart(4, "0")}`,
    addressLine1: `${100 + (i % 9000)} ${t} St`,
    city: "Chicago",
    state: "IL",
    zip: "60601",
    q_usedInUs: "yes",
    q_illinoisResident: i % 3 === 0 ? "yes" : "no",
    paymentPreference: "PAYPAL",
    attestationName: name,
    attestationAgree: "on",
  };
}
const randomIp = () => `10.${(Math.random() * 256) | 0}.${(Math.random() * 256) | 0}.${(Math.random() * 256) | 0}`;

function p95(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)] ?? 0;
}

async function main() {
  const server = await resolveTestServer();
  const name = uniqueDatabaseName("proofline_bench");
  await ensureDatabase(server.adminUrl, name);
  const url = withDatabase(server.adminUrl, name);
  process.env.DATABASE_URL = url;
  process.env.LOG_LEVEL = "silent";
  try {
    await migrateDeploy(url);
    const { HONG_CLAIM_FORM } = await import("../prisma/seed-claims");
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const { rows } = await admin.query<{ id: string }>(
      `INSERT INTO "Matter" (id, slug, caption, "shortName", court, "docketNumber", "batesPrefix", "claimForm", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Bench v. Matter', 'Bench', 'N.D. Cal.', '0:00-cv-00000', 'BENCH', $2, now()) RETURNING id`,
      [SLUG, JSON.stringify(HONG_CLAIM_FORM)],
    );
    const matterId = rows[0]!.id;
    console.log(`bench database: ${name}; concurrency ${CONCURRENCY}; ${SECONDS} s per phase`);

    if (SECONDS > 0) await throughput(url, matterId, HONG_CLAIM_FORM.attestation);
    if (RESCORE_N > 0) await rescore(admin);
    await admin.end();
  } finally {
    web?.kill("SIGTERM");
    await sleep(500);
    await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
  }
}

let web: ReturnType<typeof spawn> | undefined;

async function throughput(url: string, matterId: string, attestation: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // ── 1. HTTP ──
  web = spawn(bin("tsx"), ["--conditions=react-server", "scripts/web-server.ts"], {
    cwd: ROOT,
    // The bench plays the load balancer: it appends each simulated client's address.
    env: { ...process.env, PORT: String(PORT), TRUSTED_PROXY_HOPS: "1", DATABASE_URL: url, DATABASE_POOL_SIZE: "20", AUTH_SECRET: randomBytes(32).toString("base64url"), AUDIT_CHAIN_KEY: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; ; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/auth/providers`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 120) throw new Error("the web server did not come up (did you run `next build`?)");
    await sleep(500);
  }
  let seq = 0;
  const cannon = (seconds: number) =>
    autocannon({
      url: `http://127.0.0.1:${PORT}/api/v1/claims/${SLUG}`,
      connections: CONCURRENCY,
      duration: seconds,
      requests: [
        {
          method: "POST",
          setupRequest: (req) => ({
            ...req,
            headers: { "content-type": "application/json", "x-forwarded-for": randomIp() },
            body: JSON.stringify(person(seq++)),
          }),
        },
      ],
    });
  await cannon(3);
  const before = Number((await admin.query(`SELECT count(*) FROM "Claim"`)).rows[0].count);
  const http = await cannon(SECONDS);
  const after = Number((await admin.query(`SELECT count(*) FROM "Claim"`)).rows[0].count);
  const httpRate = (after - before) / SECONDS;
  console.log(`http_claims_per_s: ${httpRate.toFixed(0)} claims/s`);
  console.log(`http_p95_latency: ${p95Latency(http)} ms (interpolated between p90 ${http.latency.p90} and p97.5 ${http.latency.p97_5})`);
  console.log(`http_p50_latency: ${http.latency.p50} ms`);
  console.log(`http_non_2xx: ${http.non2xx} responses`);
  web.kill("SIGTERM");
  web = undefined;

  // ── 2. Bare pg: the identical statement (the app's own SQL), same concurrency ──
  const { insertClaimsStatement } = await import("../lib/server/claims/submit-claim");
  const { normalizeAddress, normalizeEmail, normalizePhone, ipPrefix } = await import("../lib/claims/normalize");
  const { generateClaimNumber } = await import("../lib/claims/claim-number");
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  const latencies: number[] = [];
  let done = 0;
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        const data = person(seq++) as never as Parameters<typeof insertClaimsStatement>[0][number]["data"];
        const ip = randomIp();
        const statement = insertClaimsStatement([{
          claimId: randomUUID(),
          number: generateClaimNumber(),
          matterId,
          data,
          answers: { usedInUs: "yes", illinoisResident: "no" },
          subclass: null,
          attestation,
          ip,
          viaTokenId: null,
          prefix: ipPrefix(ip),
          fraudScore: 0,
          emailNormalized: normalizeEmail(data.email),
          phoneNormalized: normalizePhone(data.phone),
          addressNormalized: normalizeAddress(data),
          failures: [],
          signals: [],
          tokenHash: randomBytes(32).toString("hex"),
          documents: [],
          mail: { id: randomUUID(), subject: "Confirm", text: "Confirm your email", redacted: true },
        }]);
        const t0 = performance.now();
        await pool.query(statement.text, statement.values as unknown[]);
        latencies.push(performance.now() - t0);
        done++;
      }
    }),
  );
  await pool.end();
  const bareRate = done / SECONDS;
  console.log(`bare_pg_claims_per_s: ${bareRate.toFixed(0)} claims/s`);
  console.log(`bare_pg_p95_latency: ${p95(latencies).toFixed(1)} ms`);
  console.log(`http_vs_bare_pg: ${(httpRate / bareRate).toFixed(2)} x`);
  await admin.end();
}

// ── 3. Batch re-scoring ──
async function rescore(admin: pg.Client) {
  const { rows: m } = await admin.query<{ id: string }>(
    `INSERT INTO "Matter" (id, slug, caption, "shortName", court, "docketNumber", "batesPrefix", "updatedAt")
     VALUES (gen_random_uuid(), 'rescore-matter', 'Rescore v. Matter', 'Rescore', 'N.D. Cal.', '0:00-cv-00001', 'RS', now()) RETURNING id`,
  );
  const rescoreMatter = m[0]!.id;
  const t0 = Date.now();
  // About 2% share an email, 1% a phone, 3% an address with another claim; names drawn from a
  // small pool so same-DOB near-duplicates occur; IPs from 200k addresses over 30 days.
  await admin.query(`SET maintenance_work_mem = '256MB'`);
  await admin.query(
    `INSERT INTO "Claimant" (id, "matterId", "fullName", "dateOfBirth", email, "emailNormalized", phone, "phoneNormalized", "addressLine1", city, state, zip, "addressNormalized")
     SELECT uuid_generate_v4_fallback, $1::uuid, n.name, d.dob, e.email, e.email, p.phone, p.phone, a.addr, 'Chicago', 'IL', '60601', a.addr || '|60601|IL'
     FROM (SELECT i, gen_random_uuid() AS uuid_generate_v4_fallback FROM generate_series(1, $2::int) i) g
     CROSS JOIN LATERAL (SELECT (ARRAY['james','mary','robert','patricia','john','jennifer','michael','linda','david','elizabeth'])[1 + (hashint4(i) & 2147483647) % 10]
            || ' ' || (ARRAY['smith','johnson','williams','brown','jones','garcia','miller','davis','rodriguez','martinez','hernandez','lopez'])[1 + (hashint4(i * 7) & 2147483647) % 12]
            || CASE WHEN i % 50 = 0 THEN 'e' ELSE '' END AS name) n
     CROSS JOIN LATERAL (SELECT date '1940-01-01' + ((hashint4(i * 13) & 2147483647) % 25000) AS dob) d
     CROSS JOIN LATERAL (SELECT 'person' || CASE WHEN i % 50 = 0 THEN i - 1 ELSE i END || '@example.org' AS email) e
     CROSS JOIN LATERAL (SELECT CASE WHEN i % 3 = 0 THEN NULL ELSE lpad(CASE WHEN i % 100 = 0 THEN i - 1 ELSE i END::text, 10, '0') END AS phone) p
     CROSS JOIN LATERAL (SELECT (CASE WHEN i % 33 = 0 THEN i - 1 ELSE i END) || ' main st' AS addr) a`,
    [rescoreMatter, RESCORE_N],
  );
  await admin.query(
    `INSERT INTO "Claim" (id, "matterId", number, "claimantId", answers, "paymentPreference", "attestationText", "attestationName", "attestedAt",
       "attestationIp", "ipPrefix", "idempotencyKey", "updatedAt", "createdAt")
     SELECT gen_random_uuid(), $1::uuid, 'RS' || row_number() OVER (), p.id, '{}', 'PAYPAL', 'x', p."fullName", now(),
       ip, split_part(ip, '.', 1) || '.' || split_part(ip, '.', 2) || '.' || split_part(ip, '.', 3), p.id::text, now(),
       now() - make_interval(secs => (hashint4(hashtext(p.id::text)) & 2147483647) % (30 * 86400))
     FROM (SELECT *, '10.' || ((hashtext(id::text) & 2147483647) % 200000 / 65536) || '.' || ((hashtext(id::text) & 2147483647) % 65536 / 256) || '.' || ((hashtext(id::text) & 2147483647) % 256) AS ip
           FROM "Claimant" WHERE "matterId" = $1::uuid) p`,
    [rescoreMatter],
  );
  await admin.query(`ANALYZE "Claim"; ANALYZE "Claimant"`);
  console.log(`rescore_generate_${RESCORE_N}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const { unsafeRescoreMatter } = await import("../lib/server/claims/rescore-claims");
  const r = await unsafeRescoreMatter(rescoreMatter);
  console.log(`rescore_claims: ${r.claims} claims`);
  console.log(`rescore_signals: ${r.signals} signals`);
  console.log(`rescore_seconds: ${(r.ms / 1000).toFixed(1)} s`);
  const { db } = await import("../lib/server/db");
  await db.$disconnect();
}

// autocannon reports p97.5 and p99 but not p95: interpolate between p90 and p97.5.
function p95Latency(r: autocannon.Result): string {
  const { p90, p97_5 } = r.latency;
  return (p90 + ((p97_5 - p90) * (95 - 90)) / (97.5 - 90)).toFixed(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
