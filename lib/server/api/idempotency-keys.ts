import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZIdempotencyKey } from "@/lib/schemas/api-v1";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import type { JsonAnswer } from "@/lib/server/http/json-error";

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
// A first request that has not answered after this long is taken to have died with its process:
// a retry runs it again (the write use cases are themselves safe to repeat; see submissionKeyFor).
const ABANDONED_MS = 60 * 1000;

// Whose keys these are: a token's own, or a browser session's user's, so that one caller can
// neither replay nor block another's.
const principalOf = (actor: Actor) => (actor.token ? `token:${actor.token.id}` : `user:${actor.userId}`);

// The request a key was first used with: method, path and the body's JSON with its keys sorted
// (so a client that re-serialises the same object in another order is not refused).
function requestHash(method: string, path: string, rawBody: string): string {
  let canonical = rawBody;
  try {
    canonical = JSON.stringify(sortKeys(JSON.parse(rawBody)));
  } catch {
    // not JSON: the bytes themselves
  }
  return createHash("sha256").update(`${method.toUpperCase()} ${path}\n${canonical}`).digest("hex");
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

// A UUID derived from the caller and their key, for use cases that deduplicate by a form's
// submission key: a retry after a crash between the write and the stored answer still writes once.
export function submissionKeyFor(actor: Actor, idempotencyKey: string | null): string | null {
  if (idempotencyKey === null) return null;
  const h = createHash("sha256").update(`${principalOf(actor)}\n${idempotencyKey}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${"89ab"[parseInt(h[16]!, 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function idempotencyKeyOf(headers: Headers): string | null {
  const raw = headers.get("idempotency-key");
  if (raw === null) return null;
  const parsed = ZIdempotencyKey.safeParse(raw);
  if (!parsed.success) throw AppError.validation({ "Idempotency-Key": parsed.error.issues.map((i) => i.message) });
  return parsed.data;
}

// A POST with an Idempotency-Key header answers once: the same key with the same request
// replays the first answer (with Idempotent-Replayed: true) and writes nothing; the same key
// with another request is refused (422); while the first is still running, 409. Only successful
// answers are kept (24 hours): after a refusal the key may be used again. Without the header the
// request simply runs.
export async function idempotentAnswer(request: Request, actor: Actor, rawBody: string, run: () => Promise<JsonAnswer>): Promise<JsonAnswer> {
  const key = idempotencyKeyOf(request.headers);
  if (key === null) return run();
  const principal = principalOf(actor);
  const hash = requestHash(request.method, new URL(request.url).pathname, rawBody);

  if (!(await reserve(principal, key, hash))) {
    const row = await db.apiIdempotencyKey.findUnique({ where: { principal_key: { principal, key } } });
    if (row && row.requestHash !== hash) {
      throw AppError.validation({ "Idempotency-Key": ["This key was already used with a different request. Use a new key for a new request."] }, "Idempotency-Key reused with a different request.");
    }
    if (row?.statusCode != null) {
      return { status: row.statusCode, headers: { "Idempotent-Replayed": "true" }, body: row.response as Record<string, unknown> };
    }
    if (!row || !(await takeOver(principal, key, row.createdAt))) {
      throw new AppError("CONFLICT", "A request with this Idempotency-Key is still being processed. Retry in a moment.");
    }
  }
  try {
    const answer = await run();
    if (answer.status < 300) {
      await db.apiIdempotencyKey.update({ where: { principal_key: { principal, key } }, data: { statusCode: answer.status, response: answer.body as Prisma.InputJsonObject } });
    } else {
      await release(principal, key);
    }
    return answer;
  } catch (error) {
    await release(principal, key);
    throw error;
  }
}

// Claims the key (true), or finds it taken (false). Expired keys are given back first, a few at
// a time, so the table holds a day of keys without a sweep job.
async function reserve(principal: string, key: string, hash: string): Promise<boolean> {
  await db.$executeRaw`
    DELETE FROM "ApiIdempotencyKey" WHERE (principal, key) IN (
      SELECT principal, key FROM "ApiIdempotencyKey" WHERE "expiresAt" <= now() ORDER BY "expiresAt" LIMIT 100)`;
  const inserted = await db.$executeRaw`
    INSERT INTO "ApiIdempotencyKey" (principal, key, "requestHash", "expiresAt")
    VALUES (${principal}, ${key}, ${hash}, ${new Date(Date.now() + IDEMPOTENCY_TTL_MS)})
    ON CONFLICT (principal, key) DO NOTHING`;
  return inserted === 1;
}

async function takeOver(principal: string, key: string, seen: Date): Promise<boolean> {
  if (Date.now() - seen.getTime() < ABANDONED_MS) return false;
  const { count } = await db.apiIdempotencyKey.updateMany({ where: { principal, key, statusCode: null, createdAt: seen }, data: { createdAt: new Date() } });
  return count === 1;
}

async function release(principal: string, key: string): Promise<void> {
  await db.apiIdempotencyKey.deleteMany({ where: { principal, key, statusCode: null } });
}
