// `npm run bench -- ledger`: seeds 2,000 allegations and 50,000 evidence links in a fresh database
// and prints the server-side time of the ledger page's data, the coverage dashboard and the gap
// report's first and a middle page with the report's totals (p50/p95 over repeated runs), each
// with its ratio to a trivial baseline query measured in the same process; the full gap CSV is
// timed too, for information (a download, not a page: not held to the target). Target (issue 12,
// at 10× the ledger: --allegations 20000 --links 500000): p95 < 100 ms.
import { performance } from "node:perf_hooks";
import { dropDatabase, ensureDatabase, migrateDeploy, resolveTestServer, uniqueDatabaseName, withDatabase } from "../scripts/lib/postgres";

// `--allegations N --links N` (or BENCH_ALLEGATIONS / BENCH_LINKS) scale the seed.
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const ALLEGATIONS = Number(arg("allegations") ?? process.env.BENCH_ALLEGATIONS ?? 2000);
const LINKS = Number(arg("links") ?? process.env.BENCH_LINKS ?? 50_000);
const EXHIBITS = 500;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

const server = await resolveTestServer();
const name = uniqueDatabaseName("proofline_bench_ledger");
await ensureDatabase(server.adminUrl, name);
const url = withDatabase(server.adminUrl, name);
process.env.DATABASE_URL = url;
process.env.LOG_LEVEL ??= "warn";

try {
  await migrateDeploy(url);
  // Imported after DATABASE_URL is set: the client reads it once at load.
  const { db } = await import("../lib/server/db");
  const { makeMatterWithTeam } = await import("../lib/server/testing/fixtures");
  const { listLedger } = await import("../lib/server/ledger/list-ledger");
  const { getGapReport } = await import("../lib/server/ledger/get-gap-report");
  const { gapReportCsv } = await import("../lib/server/ledger/gap-report-csv");
  const { getCoverage } = await import("../lib/server/ledger/get-coverage");

  const { matter, paralegal } = await makeMatterWithTeam();
  const m = matter.id;
  const seedStart = performance.now();
  await db.$executeRawUnsafe(`
    INSERT INTO "Count" (id, "matterId", number, title, "updatedAt")
    SELECT gen_random_uuid(), '${m}', n, 'Count ' || n, now() FROM generate_series(1, 8) n;
    INSERT INTO "Element" (id, "countId", position, text)
    SELECT gen_random_uuid(), c.id, p, 'Element ' || p FROM "Count" c, generate_series(1, 4) p WHERE c."matterId" = '${m}';
    INSERT INTO "Allegation" (id, "matterId", paragraph, text, kind, "flagSeverity", "flagReason", "updatedAt")
    SELECT gen_random_uuid(), '${m}', n,
      'Allegation ' || n || ': the app transferred device data and browsing history to a server abroad (' || md5(n::text) || ').',
      (ARRAY['GENERAL','DATA_TRANSFER','DATA_TRANSFER','SDK_EMBEDDED','ACCOUNT_CREATION','BIOMETRIC'])[1 + n % 6]::"AllegationKind",
      CASE WHEN n % 17 = 0 THEN 'UNSUPPORTED'::"FlagSeverity" WHEN n % 29 = 0 THEN 'WEAK'::"FlagSeverity" END,
      CASE WHEN n % 17 = 0 OR n % 29 = 0 THEN 'bench flag' END,
      now()
    FROM generate_series(1, ${ALLEGATIONS}) n;
    INSERT INTO "DataTransfer" ("allegationId", "dataCategories", "destinationHost", "recipientOrg", "destinationCountry")
    SELECT a.id, ARRAY['DEVICE_IDENTIFIERS','BROWSING_HISTORY']::"DataCategory"[],
      (ARRAY['umeng.com','bugly.qq.com','example.com'])[1 + a.paragraph % 3],
      (ARRAY['Alibaba','Tencent','Example'])[1 + a.paragraph % 3],
      (ARRAY['CN','CN','US'])[1 + a.paragraph % 3]
    FROM "Allegation" a WHERE a."matterId" = '${m}' AND a.kind = 'DATA_TRANSFER';
    INSERT INTO "AllegationElement" ("allegationId", "elementId")
    SELECT DISTINCT a.id, e.id
    FROM "Allegation" a
    JOIN LATERAL (SELECT e.id FROM "Element" e JOIN "Count" c ON c.id = e."countId" WHERE c."matterId" = '${m}'
                  ORDER BY md5(e.id::text || a.id::text) LIMIT 3) e ON true
    WHERE a."matterId" = '${m}';
    INSERT INTO "Blob" (sha256, size, "mediaType", "storageKey")
    SELECT md5('b' || n) || md5('c' || n), 10, 'text/plain', 'bench/' || n FROM generate_series(1, ${EXHIBITS}) n;
    INSERT INTO "Exhibit" (id, "matterId", number, prefix, title, kind, "originalFilename", "blobSha256", privilege, "createdById", "updatedAt")
    SELECT gen_random_uuid(), '${m}', n, 'PX', 'Bench exhibit ' || n, 'DOCUMENT', 'x.txt', md5('b' || n) || md5('c' || n),
      CASE WHEN n % 10 = 0 THEN 'WORK_PRODUCT'::"Privilege" ELSE 'NONE'::"Privilege" END, '${paralegal.userId}', now()
    FROM generate_series(1, ${EXHIBITS}) n;
  `);
  // Links spread so every status occurs: most allegations get only CONTEXT links, a share get
  // SUPPORTS or CONTRADICTS, and one in ten links is removed.
  await db.$executeRawUnsafe(`
    WITH a AS (SELECT id, row_number() OVER (ORDER BY paragraph) AS i FROM "Allegation" WHERE "matterId" = '${m}'),
         x AS (SELECT id, row_number() OVER (ORDER BY number) AS j FROM "Exhibit" WHERE "matterId" = '${m}')
    INSERT INTO "EvidenceLink" (id, "matterId", "allegationId", "exhibitId", relation, "pinCite", "createdById", "removedAt")
    SELECT gen_random_uuid(), '${m}', a.id, x.id,
      CASE WHEN n % 7 = 0 AND a.i % 3 = 0 THEN 'SUPPORTS' WHEN n % 11 = 0 AND a.i % 4 = 1 THEN 'CONTRADICTS' ELSE 'CONTEXT' END::"LinkRelation",
      'p. ' || n, '${paralegal.userId}', CASE WHEN n % 10 = 0 THEN now() END
    FROM generate_series(0, ${LINKS - 1}) n
    JOIN a ON a.i = 1 + n % ${ALLEGATIONS}
    JOIN x ON x.j = 1 + (n::bigint * 7919) % ${EXHIBITS};
    INSERT INTO "EvidenceRequest" (id, "matterId", "allegationId", description, "dueOn", "createdById")
    SELECT gen_random_uuid(), '${m}', id, 'Find the capture', current_date + (paragraph % 20 - 10), '${paralegal.userId}'
    FROM "Allegation" WHERE "matterId" = '${m}' AND paragraph % 4 = 0;
    ANALYZE;
  `);
  const [links] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "EvidenceLink" WHERE "matterId" = ${m}::uuid`;
  const statuses = await db.$queryRaw<{ status: string; n: number }[]>`SELECT status, count(*)::int AS n FROM "AllegationSupport" WHERE "matterId" = ${m}::uuid GROUP BY 1 ORDER BY 1`;
  console.log(`seeded: ${ALLEGATIONS} allegations, ${links?.n} links in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (${statuses.map((s) => `${s.status} ${s.n}`).join(", ")})`);

  const time = async (fn: () => Promise<unknown>, runs = RUNS) => {
    for (let i = 0; i < 3; i++) await fn();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
    return { p50: at(0.5), p95: at(0.95) };
  };

  // The page the middle gap starts: reached by its cursor, as the page's Next links do.
  const [mid] = await db.$queryRaw<{ sortKey: number; id: string }[]>`
    SELECT "paragraphSortKey" AS "sortKey", "allegationId"::text AS id FROM "AllegationSupport"
    WHERE "matterId" = ${m}::uuid AND (status <> 'SUPPORTED' OR flagged)
    ORDER BY "paragraphSortKey", "allegationId"
    OFFSET (SELECT count(*) / 2 FROM "AllegationSupport" WHERE "matterId" = ${m}::uuid AND (status <> 'SUPPORTED' OR flagged)) LIMIT 1`;
  const middle = mid ? { sortKey: mid.sortKey, id: mid.id } : undefined;

  const baseline = await time(() => db.$queryRaw`SELECT count(*) FROM "Allegation" WHERE "matterId" = ${m}::uuid`);
  console.log(`baseline_count_query_p50: ${baseline.p50.toFixed(2)} ms`);
  console.log(`baseline_count_query_p95: ${baseline.p95.toFixed(2)} ms`);
  const cases: [string, () => Promise<unknown>][] = [
    ["ledger_page_default", () => listLedger(paralegal, m, {})],
    ["ledger_page_unsupported_filter", () => listLedger(paralegal, m, { status: "UNSUPPORTED" })],
    ["ledger_page_sort_status_page_10", () => listLedger(paralegal, m, { sort: "status", page: "10" })],
    ["ledger_page_text_search", () => listLedger(paralegal, m, { q: "browsing", country: "CN" })],
    ["coverage_dashboard", () => getCoverage(paralegal, m)],
    ["gap_report_first_page", () => getGapReport(paralegal, m)],
    ["gap_report_middle_page", () => getGapReport(paralegal, m, { after: middle })],
  ];
  let worst = 0;
  for (const [label, fn] of cases) {
    const r = await time(fn);
    worst = Math.max(worst, r.p95);
    console.log(`${label}_p50: ${r.p50.toFixed(1)} ms`);
    console.log(`${label}_p95: ${r.p95.toFixed(1)} ms`);
    console.log(`${label}_p50_vs_baseline: ${(r.p50 / baseline.p50).toFixed(1)} x`);
  }
  console.log(`worst_p95: ${worst.toFixed(1)} ms (target < 100 ms: ${worst < 100 ? "met" : "MISSED"})`);
  let csvBytes = 0;
  const csv = await time(async () => {
    csvBytes = (await new Response((await gapReportCsv(paralegal, m)).body).arrayBuffer()).byteLength;
  }, Math.min(RUNS, 5));
  console.log(`gap_report_csv_full_p50: ${csv.p50.toFixed(1)} ms (informational, ${(csvBytes / 1024).toFixed(0)} KiB)`);
  console.log(`gap_report_csv_full_p95: ${csv.p95.toFixed(1)} ms (informational)`);
  await db.$disconnect();
} finally {
  // BENCH_KEEP_DB=1 keeps the seeded database for EXPLAIN ANALYZE.
  if (process.env.BENCH_KEEP_DB === "1") console.log(`kept database: ${url}`);
  else await dropDatabase(server.adminUrl, name);
  await server.stop();
}
