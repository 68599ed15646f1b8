// `npm run bench -- distribution [--claims 1000000]`: the plan of allocation over N approved
// claims (20% Illinois weight 5, 10% California weight 2, the rest weight 1; a $2.00 minimum
// raised to the floor) through the use case's one SQL pass, against a baseline measured in the
// same run: a bare `SELECT sum(weight)` over the same approved rows (the scan every plan needs).
// Prints the compute time, a recompute (which also replaces the previous preview's rows), the
// ratio to the baseline, and whether the run reconciles to the cent.
import { randomUUID } from "node:crypto";
import { dropDatabase, ensureDatabase, migrateDeploy, resolveTestServer, uniqueDatabaseName, withDatabase } from "../scripts/lib/postgres";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => Number(args[args.indexOf(name) + 1] ?? 0) || fallback;
const CLAIMS = arg("--claims", 1_000_000);

async function main() {
  process.env.LOG_LEVEL ??= "error";
  const pg = await resolveTestServer();
  const name = uniqueDatabaseName("proofline_bench_distribution");
  await ensureDatabase(pg.adminUrl, name);
  const url = withDatabase(pg.adminUrl, name);
  process.env.DATABASE_URL = url;
  try {
    await migrateDeploy(url);
    const { db } = await import("@/lib/server/db");
    const { unsafeComputeDistribution } = await import("@/lib/server/distribution/compute-distribution");
    const { generateApprovedClaims } = await import("@/lib/server/testing/distribution-fixtures");
    const { formatCents } = await import("@/lib/distribution/plan");

    const user = await db.user.create({ data: { email: `bench-${randomUUID()}@bench.test`, name: "Bench Attorney", role: "STAFF" } });
    const matter = await db.matter.create({ data: { slug: `bench-${randomUUID()}`, caption: "Bench v. Distribution", shortName: "Bench", court: "N.D. Cal.", docketNumber: "0:00-cv-00000", batesPrefix: "BENCH" } });
    let t = Date.now();
    await generateApprovedClaims(matter.id, "ILLINOIS", Math.round(CLAIMS * 0.2));
    await generateApprovedClaims(matter.id, "CALIFORNIA", Math.round(CLAIMS * 0.1));
    await generateApprovedClaims(matter.id, null, CLAIMS - Math.round(CLAIMS * 0.2) - Math.round(CLAIMS * 0.1));
    await db.$executeRawUnsafe(`ANALYZE "Claim"; ANALYZE "Claimant"`);
    console.log(`distribution-generate: ${CLAIMS} approved claims in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    const weights = { ILLINOIS: 5, CALIFORNIA: 2 };
    t = performance.now();
    const [base] = await db.$queryRaw<{ claims: number; weight: bigint }[]>`
      SELECT count(*)::int AS claims, sum(COALESCE((${JSON.stringify(weights)}::jsonb ->> subclass)::int, 1))::bigint AS weight
      FROM "Claim" WHERE "matterId" = ${matter.id}::uuid AND status = 'APPROVED'`;
    const baseline = (performance.now() - t) / 1000;
    console.log(`distribution-baseline-select-sum: ${baseline.toFixed(2)} s (${base!.claims} claims, total weight ${base!.weight})`);

    const plan = (submissionKey: string) => ({
      submissionKey,
      grossFund: 9_200_000_000n, // $92,000,000.00
      attorneysFees: 2_300_000_000n,
      costs: 123_456_789n,
      adminCosts: 250_000_001n,
      minimumPayment: 200n,
      minimumMode: "RAISE_TO_FLOOR" as const,
      defaultWeight: 1,
      weights,
    });
    t = performance.now();
    const run = await unsafeComputeDistribution(matter.id, { userId: user.id, ip: undefined }, plan(randomUUID()));
    const compute = (performance.now() - t) / 1000;
    console.log(`distribution-compute: ${compute.toFixed(2)} s`);
    console.log(`distribution-compute-vs-baseline: ${(compute / baseline).toFixed(1)} x`);
    t = performance.now();
    const again = await unsafeComputeDistribution(matter.id, { userId: user.id, ip: undefined }, plan(randomUUID()));
    console.log(`distribution-recompute: ${((performance.now() - t) / 1000).toFixed(2)} s (replaces the previous preview's ${CLAIMS} allocations)`);

    const r = await db.distributionRun.findUniqueOrThrow({ where: { id: again.id } });
    const [sum] = await db.$queryRaw<{ sum: bigint; n: number }[]>`SELECT sum("amountCents")::bigint AS sum, count(*)::int AS n FROM "Allocation" WHERE "runId" = ${again.id}::uuid`;
    const ok = BigInt(sum!.sum) + r.residueCents === r.netFundCents;
    console.log(
      `distribution-reconciles: ${ok ? "yes" : "NO"} (net ${formatCents(r.netFundCents)} = allocations ${formatCents(sum!.sum)} over ${sum!.n} claims + residue ${formatCents(r.residueCents)}; median ${formatCents(r.medianPaymentCents ?? 0n)}, min ${formatCents(r.minPaymentCents ?? 0n)}, max ${formatCents(r.maxPaymentCents ?? 0n)})`,
    );
    void run;
    if (!ok) process.exitCode = 1;
  } finally {
    await dropDatabase(pg.adminUrl, name);
  }
  process.exit(process.exitCode ?? 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
