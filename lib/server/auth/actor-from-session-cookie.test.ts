import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { actorFromSessionCookie } from "@/lib/server/auth/actor-from-session-cookie";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { makeUser } from "@/lib/server/testing/fixtures";

const secret = env.AUTH_SECRET!;

function headers(values: Record<string, string>) {
  return { get: (name: string) => values[name] };
}

async function sessionCookie(sub: string, name = "authjs.session-token", key = secret) {
  const token = { sub, sv: 0, signedInAt: Math.floor(Date.now() / 1000) };
  return `${name}=${await encode({ token, secret: key, salt: name })}`;
}

describe("the session of a request answered before Next.js", () => {
  it("is the signed-in user, read back from the database, with the client's address", async () => {
    const user = await makeUser("STAFF", "Cookie Person");
    const actor = await actorFromSessionCookie(headers({ cookie: await sessionCookie(user.userId), "x-forwarded-for": "203.0.113.9" }));
    expect(actor).toEqual({ userId: user.userId, email: user.email, name: "Cookie Person", role: "STAFF", ip: "203.0.113.9" });
  });

  it("reads the __Secure- cookie behind https, and only there", async () => {
    const user = await makeUser();
    const cookie = await sessionCookie(user.userId, "__Secure-authjs.session-token");
    expect((await actorFromSessionCookie(headers({ cookie, "x-forwarded-proto": "https" })))?.userId).toBe(user.userId);
    expect(await actorFromSessionCookie(headers({ cookie }))).toBeNull();
  });

  it("is nobody for no cookie, a forged or foreign-key cookie, or a disabled account", async () => {
    const user = await makeUser();
    expect(await actorFromSessionCookie(headers({}))).toBeNull();
    expect(await actorFromSessionCookie(headers({ cookie: "authjs.session-token=forged" }))).toBeNull();
    expect(await actorFromSessionCookie(headers({ cookie: await sessionCookie(user.userId, undefined, "another-secret-".padEnd(48, "y")) }))).toBeNull();
    await db.user.update({ where: { id: user.userId }, data: { disabledAt: new Date() } });
    expect(await actorFromSessionCookie(headers({ cookie: await sessionCookie(user.userId) }))).toBeNull();
  });
});
