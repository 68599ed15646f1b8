import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { enforce, hit, RateLimitedError, sweepRateLimits, type Limit } from "@/lib/server/rate-limit/rate-limit";

const key = (label: string) => `test:${label}:${randomUUID()}`;

describe("rate limits kept in PostgreSQL", () => {
  it("allows max hits in a window, then refuses with a Retry-After inside the window", async () => {
    const limit: Limit = { key: key("seq"), max: 3, windowSeconds: 60 };
    for (let i = 0; i < 3; i++) expect(await hit([limit])).toEqual({ ok: true });
    const refused = await hit([limit]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.key).toBe(limit.key);
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    await expect(enforce([limit])).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("counts concurrent requests exactly, though they are counted together in one statement", async () => {
    const shared = key("burst");
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => hit([{ key: shared, max: 30, windowSeconds: 60 }, { key: key(`own-${i}`), max: 1, windowSeconds: 60 }])),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(30);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.key === shared)).toBe(true);
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: shared } });
    expect(row.count).toBe(40);
  });

  it("refuses on whichever key is exhausted, and other keys stay independent", async () => {
    const email = key("email");
    const ipA = key("ipA");
    const ipB = key("ipB");
    expect(await hit([{ key: ipA, max: 10, windowSeconds: 60 }, { key: email, max: 1, windowSeconds: 60 }])).toEqual({ ok: true });
    const second = await hit([{ key: ipB, max: 10, windowSeconds: 60 }, { key: email, max: 1, windowSeconds: 60 }]);
    expect(second).toMatchObject({ ok: false, key: email });
    expect(await hit([{ key: ipB, max: 10, windowSeconds: 60 }])).toEqual({ ok: true });
  });

  it("starts a fresh window once the old one has passed", async () => {
    const limit: Limit = { key: key("expired"), max: 1, windowSeconds: 60 };
    await db.rateLimit.create({ data: { key: limit.key, count: 99, resetAt: new Date(Date.now() - 1000) } });
    expect(await hit([limit])).toEqual({ ok: true });
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: limit.key } })).count).toBe(1);
  });
});

describe("sweeping expired windows", () => {
  it("removes windows that ended over a minute ago and keeps live ones", async () => {
    const dead = key("dead");
    const live = key("live");
    await db.rateLimit.create({ data: { key: dead, count: 3, resetAt: new Date(Date.now() - 5 * 60_000) } });
    await db.rateLimit.create({ data: { key: live, count: 3, resetAt: new Date(Date.now() + 60_000) } });
    expect(await sweepRateLimits()).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimit.findUnique({ where: { key: dead } })).toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: live } })).not.toBeNull();
  });

  // Fuzzing the public claim API: an e-mail address with a NUL byte made its key unstorable, and
  // the statement that counts a burst of requests together failed for all of them (500).
  it("counts keys with any text in them (NUL, lone surrogates, long input), without failing their neighbours", async () => {
    const plain = key("neighbour");
    const odd = [key("nul\u0000"), key("lone\ud800"), key("x".repeat(70_000)), key("é")];
    const results = await Promise.all([hit([{ key: plain, max: 5, windowSeconds: 60 }]), ...odd.map((k) => hit([{ key: k, max: 1, windowSeconds: 60 }]))]);
    expect(results.every((r) => r.ok)).toBe(true);
    const again = await Promise.all(odd.map((k) => hit([{ key: k, max: 1, windowSeconds: 60 }])));
    expect(again.map((r) => r.ok)).toEqual([false, false, false, false]);
    expect(await db.rateLimit.findUnique({ where: { key: plain } })).not.toBeNull();
  });
});
