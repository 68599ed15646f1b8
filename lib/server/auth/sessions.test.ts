import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { setUserDisabled } from "@/lib/server/admin/set-user-disabled";
import { actorFromSessionCookie } from "@/lib/server/auth/actor-from-session-cookie";
import { loadActor } from "@/lib/server/auth/load-actor";
import { revokeSessions } from "@/lib/server/auth/revoke-sessions";
import { env } from "@/lib/server/env";
import { makeUser } from "@/lib/server/testing/fixtures";

const now = () => Math.floor(Date.now() / 1000);

// A session cookie as Auth.js writes it at sign-in (auth.ts's jwt callback).
async function cookieFor(claims: Record<string, unknown>) {
  const name = "authjs.session-token";
  return `${name}=${await encode({ token: claims, secret: env.AUTH_SECRET!, salt: name })}`;
}
const request = (cookie: string) => ({ get: (n: string) => (n === "cookie" ? cookie : undefined) });

describe("a session", () => {
  it("stops working everywhere once its user signs out, including a copy of its cookie", async () => {
    const user = await makeUser("STAFF");
    const copied = await cookieFor({ sub: user.userId, sv: 0, signedInAt: now() });
    expect((await actorFromSessionCookie(request(copied)))?.userId).toBe(user.userId);

    await revokeSessions(user.userId);

    expect(await actorFromSessionCookie(request(copied))).toBeNull();
    expect(await loadActor({ sub: user.userId, sv: 0, signedInAt: now() }, undefined)).toBeNull();
    // The next sign-in carries the new version and works.
    const next = await cookieFor({ sub: user.userId, sv: 1, signedInAt: now() });
    expect((await actorFromSessionCookie(request(next)))?.userId).toBe(user.userId);
  });

  it("does not come back when a disabled account is enabled again", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("STAFF");
    const cookie = await cookieFor({ sub: user.userId, sv: 0, signedInAt: now() });
    await setUserDisabled(admin, { userId: user.userId, disabled: "true" });
    await setUserDisabled(admin, { userId: user.userId, disabled: "false" });
    expect(await actorFromSessionCookie(request(cookie))).toBeNull();
  });

  it(`ends ${env.SESSION_MAX_AGE_HOURS} hours after sign-in however active it was`, async () => {
    const user = await makeUser("STAFF");
    const hours = (h: number) => now() - h * 3600;
    expect(await loadActor({ sub: user.userId, sv: 0, signedInAt: hours(env.SESSION_MAX_AGE_HOURS - 0.1) }, undefined)).not.toBeNull();
    expect(await loadActor({ sub: user.userId, sv: 0, signedInAt: hours(env.SESSION_MAX_AGE_HOURS + 0.1) }, undefined)).toBeNull();
  });

  it("is refused when its cookie lacks the version or sign-in time (a cookie from before sessions had them)", async () => {
    const user = await makeUser("STAFF");
    expect(await actorFromSessionCookie(request(await cookieFor({ sub: user.userId })))).toBeNull();
    expect(await loadActor({ sub: user.userId, sv: 0 }, undefined)).toBeNull();
    expect(await loadActor({ sub: user.userId, signedInAt: now() }, undefined)).toBeNull();
  });

  it("expires after the idle timeout: its cookie is written to live SESSION_IDLE_MINUTES past the last activity", async () => {
    const user = await makeUser("STAFF");
    const idle = env.SESSION_IDLE_MINUTES * 60;
    const name = "authjs.session-token";
    const stale = await encode({ token: { sub: user.userId, sv: 0, signedInAt: now() }, secret: env.AUTH_SECRET!, salt: name, maxAge: -60 });
    expect(await actorFromSessionCookie(request(`${name}=${stale}`))).toBeNull();
    const fresh = await encode({ token: { sub: user.userId, sv: 0, signedInAt: now() }, secret: env.AUTH_SECRET!, salt: name, maxAge: idle });
    expect(await actorFromSessionCookie(request(`${name}=${fresh}`))).not.toBeNull();
  });
});
