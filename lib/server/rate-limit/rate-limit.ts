import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/app-error";
import { createCoalescer } from "@/lib/server/batching/coalescer";
import { db } from "@/lib/server/db";

export type Limit = { key: string; max: number; windowSeconds: number };

type HitResult = { ok: true } | { ok: false; retryAfterSeconds: number; key: string };

// Fixed windows kept in PostgreSQL so every web instance counts against the same numbers. The
// keys of concurrent requests are counted together in one statement (one round trip for a
// burst of requests, not one each); each request still sees its own place in the count.
export function hit(limits: Limit[]): Promise<HitResult> {
  return countHits(limits);
}

const countHits = createCoalescer<Limit[], HitResult>(async (requests) => {
  // One row per key, with how many of this group's requests hit it (ON CONFLICT DO UPDATE may
  // touch a row only once per statement). Keys in sorted order: two groups running at once lock
  // rows in the same order and cannot deadlock.
  const perKey = new Map<string, { windowSeconds: number; hits: number }>();
  for (const limits of requests) {
    for (const l of limits) {
      const k = perKey.get(l.key);
      if (k) k.hits++;
      else perKey.set(l.key, { windowSeconds: l.windowSeconds, hits: 1 });
    }
  }
  const keys = [...perKey.keys()].sort();
  const windows = keys.map((k) => perKey.get(k)!.windowSeconds);
  const hits = keys.map((k) => perKey.get(k)!.hits);
  const stored = new Map(keys.map((k) => [storedKey(k), k]));
  const rows = await db.$queryRaw<{ key: string; count: number; retry: number }[]>`
    INSERT INTO "RateLimit" (key, count, "resetAt")
    SELECT k, n, now() + make_interval(secs => w) FROM unnest(${[...stored.keys()]}::text[], ${windows}::int[], ${hits}::int[]) AS t(k, w, n) ORDER BY k
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED.count ELSE "RateLimit".count + EXCLUDED.count END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING key, count, ceil(extract(epoch FROM "resetAt" - now()))::int AS retry`;
  // The count before this group, then each request in arrival order takes the next number.
  const next = new Map(rows.map((r) => [stored.get(r.key)!, { count: r.count - perKey.get(stored.get(r.key)!)!.hits, retry: r.retry }]));
  return requests.map((limits): HitResult => {
    let refused: HitResult = { ok: true };
    for (const l of limits) {
      const k = next.get(l.key)!;
      k.count++;
      if (refused.ok && k.count > l.max) refused = { ok: false, retryAfterSeconds: Math.max(1, k.retry), key: l.key };
    }
    return refused;
  });
});

// Keys carry what a client typed (an e-mail address): a NUL byte, which PostgreSQL text cannot
// hold, failed the statement — and with it the neighbours counted in the same one (fuzzing found
// it as a 500). A key with anything but printable ASCII, or a long one, is stored as its hash,
// under its prefix so that the table still says what it counts.
function storedKey(key: string): string {
  if (/^[\x20-\x7e]{0,200}$/.test(key)) return key;
  const prefix = /^[a-z-]+:[a-z-]+:/.exec(key)?.[0] ?? "";
  return `${prefix}sha256:${createHash("sha256").update(key, "utf8").digest("hex")}`;
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", `Too many attempts. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`);
  }
}

export async function enforce(limits: Limit[]): Promise<void> {
  const result = await hit(limits);
  if (!result.ok) throw new RateLimitedError(result.retryAfterSeconds);
}

// Expired windows are dead weight; a sweep from any instance clears them.
export async function sweepRateLimits(): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimit" WHERE "resetAt" < now() - interval '1 minute'`;
}
