import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";

export type Limit = { key: string; max: number; windowSeconds: number };

// Fixed windows kept in PostgreSQL so every web instance counts against the same numbers. All
// keys of one request are counted in one statement (one round trip on the hot path).
export async function hit(limits: Limit[]): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number; key: string }> {
  const keys = limits.map((l) => l.key);
  const windows = limits.map((l) => l.windowSeconds);
  const rows = await db.$queryRaw<{ key: string; count: number; retry: number }[]>`
    INSERT INTO "RateLimit" (key, count, "resetAt")
    SELECT k, 1, now() + make_interval(secs => w) FROM unnest(${keys}::text[], ${windows}::int[]) AS t(k, w)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit".count + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING key, count, ceil(extract(epoch FROM "resetAt" - now()))::int AS retry`;
  for (const row of rows) {
    const limit = limits.find((l) => l.key === row.key)!;
    if (row.count > limit.max) return { ok: false, retryAfterSeconds: Math.max(1, row.retry), key: row.key };
  }
  return { ok: true };
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
