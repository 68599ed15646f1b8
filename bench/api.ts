// `npm run bench -- api [--concurrency 20] [--seconds 10] [--pairs 400]`
// The JSON API through a personal access token, against the production web server
// (scripts/web-server.ts; needs `next build`), on a seeded matter (60 allegations, 60 extracted
// exhibits):
// 1. GET /api/v1/matters/:id/allegations and GET /api/v1/matters/:id/exhibits?q=… with
//    `Authorization: Bearer`, N concurrent clients: requests/s, p50, p95 (target p95 < 50 ms at 20);
// 2. what the token check costs over a session cookie: the same allegation list alternately with
//    the token and with a session cookie, one request at a time, p50 of each and the difference
//    (target < 1 ms); and the two checks alone, in-process (apiActor against actorFromSessionCookie).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import { ensureDatabase, dropDatabase, migrateDeploy, resolveTestServer, uniqueDatabaseName, withDatabase, bin, ROOT } from "../scripts/lib/postgres";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ""), process.argv[i + 1] ?? "");
const CONCURRENCY = Number(args.get("concurrency") ?? 20);
const SECONDS = Number(args.get("seconds") ?? 10);
const PAIRS = Number(args.get("pairs") ?? 400);
const PORT = Number(args.get("port") ?? 3204);
const N = 60;

const pct = (samples: number[], p: number) => {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
};
// autocannon reports p90 and p97.5 but not p95: interpolate.
const p95Of = (r: autocannon.Result) => r.latency.p90 + ((r.latency.p97_5 - r.latency.p90) * 5) / 7.5;

let web: ReturnType<typeof spawn> | undefined;

async function main() {
  const server = await resolveTestServer();
  const name = uniqueDatabaseName("proofline_bench_api");
  await ensureDatabase(server.adminUrl, name);
  const url = withDatabase(server.adminUrl, name);
  const authSecret = randomBytes(32).toString("base64url");
  Object.assign(process.env, {
    DATABASE_URL: url,
    AUTH_SECRET: authSecret,
    LOG_LEVEL: "silent",
    BLOB_ROOT: path.join(os.tmpdir(), `proofline-bench-api-${process.pid}`),
    MAIL_SINK_DIR: path.join(os.tmpdir(), `proofline-bench-api-mail-${process.pid}`),
  });
  try {
    await migrateDeploy(url);
    // ── seed ──
    const { makeMatterWithTeam } = await import("../lib/server/testing/fixtures");
    const { validAllegationInput } = await import("../lib/server/testing/ledger-fixtures");
    const { makeExhibit } = await import("../lib/server/testing/exhibit-fixtures");
    const { createAllegation } = await import("../lib/server/allegations/create-allegation");
    const { createApiToken } = await import("../lib/server/api-tokens/create-api-token");
    const { encode } = await import("next-auth/jwt");
    const { matter, paralegal } = await makeMatterWithTeam();
    for (let i = 0; i < N; i++) await createAllegation(paralegal, matter.id, validAllegationInput({ paragraph: 41 + i }));
    for (let i = 0; i < N; i++) {
      const words = Array.from({ length: 200 }, () => randomBytes(4).toString("hex")).join(" ");
      await makeExhibit(paralegal, matter.id, { fileName: `e${i}.txt`, bytes: Buffer.from(`Exhibit ${i}: traffic to umeng.com observed.\n${words}\n`), extract: true });
    }
    const { token } = await createApiToken(paralegal, { name: "bench", access: "READ", matterIds: matter.id, expiresInDays: "1" });
    const cookieName = "authjs.session-token";
    const cookie = `${cookieName}=${await encode({ token: { sub: paralegal.userId, sv: 0, signedInAt: Math.floor(Date.now() / 1000) }, secret: authSecret, salt: cookieName })}`;
    console.log(`bench database: ${name}; ${N} allegations, ${N} exhibits; concurrency ${CONCURRENCY}; ${SECONDS} s per phase`);
    // Latency at 20 clients is CPU queueing on a small machine: say how busy it was.
    console.log(`load_average_1m: ${os.loadavg()[0]!.toFixed(2)} on ${os.availableParallelism()} cores`);

    // ── the server ──
    web = spawn(bin("tsx"), ["--conditions=react-server", "scripts/web-server.ts"], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(PORT), JOB_WORKERS: "off", DATABASE_POOL_SIZE: "20", AUDIT_CHAIN_KEY: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const base = `http://127.0.0.1:${PORT}`;
    for (let i = 0; ; i++) {
      if (await fetch(`${base}/api/auth/providers`).then((r) => r.ok, () => false)) break;
      if (i > 120) throw new Error("the web server did not come up (did you run `next build`?)");
      await sleep(500);
    }
    const allegations = `${base}/api/v1/matters/${matter.id}/allegations`;
    const search = `${base}/api/v1/matters/${matter.id}/exhibits?q=umeng`;
    const bearer = { authorization: `Bearer ${token}` };
    // The answers are what they should be before anything is timed.
    for (const [u, h] of [[allegations, bearer], [search, bearer], [allegations, { cookie }]] as const) {
      const r = await fetch(u, { headers: h });
      const body = (await r.json()) as { allegations?: unknown[]; exhibits?: unknown[] };
      const n = (body.allegations ?? body.exhibits ?? []).length;
      if (r.status !== 200 || n === 0) throw new Error(`${u} answered ${r.status} with ${n} rows: ${JSON.stringify(body).slice(0, 300)}`);
    }

    // ── 1. throughput and latency at N concurrent clients ──
    const cannon = (target: string, headers: Record<string, string>, seconds: number) => autocannon({ url: target, connections: CONCURRENCY, duration: seconds, headers });
    await cannon(allegations, bearer, 3);
    for (const [label, target] of [["allegations", allegations], ["exhibit_search", search]] as const) {
      const r = await cannon(target, bearer, SECONDS);
      console.log(`api_${label}_token_requests_per_s: ${r.requests.average.toFixed(0)} req/s`);
      console.log(`api_${label}_token_p50: ${r.latency.p50.toFixed(1)} ms`);
      console.log(`api_${label}_token_p95: ${p95Of(r).toFixed(1)} ms (interpolated between p90 ${r.latency.p90} and p97.5 ${r.latency.p97_5}; target < 50 at ${CONCURRENCY} clients)`);
      console.log(`api_${label}_token_non_2xx: ${r.non2xx} responses`);
    }

    // ── 2. token against session cookie, one request at a time, interleaved ──
    const timed = async (headers: Record<string, string>) => {
      const t0 = performance.now();
      const r = await fetch(allegations, { headers });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`allegations answered ${r.status}`);
      return performance.now() - t0;
    };
    const viaToken: number[] = [];
    const viaCookie: number[] = [];
    for (let i = 0; i < 50; i++) await Promise.all([timed(bearer), timed({ cookie })]);
    for (let i = 0; i < PAIRS; i++) {
      if (i % 2) {
        viaToken.push(await timed(bearer));
        viaCookie.push(await timed({ cookie }));
      } else {
        viaCookie.push(await timed({ cookie }));
        viaToken.push(await timed(bearer));
      }
    }
    const [tp50, cp50] = [pct(viaToken, 0.5), pct(viaCookie, 0.5)];
    console.log(`api_allegations_token_p50_serial: ${tp50.toFixed(2)} ms`);
    console.log(`api_allegations_cookie_p50_serial: ${cp50.toFixed(2)} ms`);
    console.log(`api_token_over_cookie_p50: ${(tp50 - cp50).toFixed(2)} ms (target < 1)`);

    // The checks alone, in this process: the token's (parse, one indexed read, HMAC compare, the
    // owner's row) against the cookie's (JWE decrypt, the user's row).
    const { apiActor } = await import("../lib/server/auth/api-actor");
    const { actorFromSessionCookie } = await import("../lib/server/auth/actor-from-session-cookie");
    const tokenHeaders = new Headers(bearer);
    const cookieHeaders = new Headers({ cookie });
    const noSession = async () => null;
    const tokenCheck: number[] = [];
    const cookieCheck: number[] = [];
    for (let i = 0; i < PAIRS + 100; i++) {
      let t0 = performance.now();
      if (!(await apiActor(tokenHeaders, "GET", noSession))) throw new Error("the token was refused");
      const t = performance.now() - t0;
      t0 = performance.now();
      if (!(await actorFromSessionCookie(cookieHeaders))) throw new Error("the cookie was refused");
      const c = performance.now() - t0;
      if (i >= 100) {
        tokenCheck.push(t);
        cookieCheck.push(c);
      }
    }
    console.log(`token_check_p50: ${pct(tokenCheck, 0.5).toFixed(3)} ms`);
    console.log(`cookie_check_p50: ${pct(cookieCheck, 0.5).toFixed(3)} ms`);
    console.log(`token_check_over_cookie_check_p50: ${(pct(tokenCheck, 0.5) - pct(cookieCheck, 0.5)).toFixed(3)} ms`);
    console.log(`load_average_1m_after: ${os.loadavg()[0]!.toFixed(2)} on ${os.availableParallelism()} cores`);
    const { db } = await import("../lib/server/db");
    const { stopBoss } = await import("../lib/server/jobs/boss");
    await stopBoss().catch(() => {});
    await db.$disconnect();
  } finally {
    web?.kill("SIGTERM");
    await sleep(500);
    await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
