import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authorizePassword } from "@/lib/server/auth/authorize-password";
import { hashPassword } from "@/lib/server/auth/passwords";
import { SignInThrottledError } from "@/lib/server/auth/throttle-sign-in";
import { db } from "@/lib/server/db";

const PASSWORD = "correct horse battery staple";
const hashed = hashPassword(PASSWORD);

async function staff() {
  const email = `signin-${randomBytes(4).toString("hex")}@test.proofline`;
  await db.user.create({ data: { email, name: "Sign-in Person", role: "STAFF", passwordHash: await hashed } });
  return email;
}
const anIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
const attempt = (email: string, password: string, ip: string) => authorizePassword({ email, password }, ip);

describe("password sign-in", () => {
  it("after 10 wrong passwords refuses even the right one, saying when to try again; others are unaffected", async () => {
    const email = await staff();
    const ip = anIp();
    for (let i = 0; i < 10; i++) expect(await attempt(email, `guess-${i}`, ip)).toBeNull();

    const refused = attempt(email, PASSWORD, ip);
    await expect(refused).rejects.toBeInstanceOf(SignInThrottledError);
    await expect(refused).rejects.toThrow("Too many sign-in attempts. Try again in 15 minutes.");
    // The same account from another address is refused too: the limit is the account's.
    await expect(attempt(email, PASSWORD, anIp())).rejects.toBeInstanceOf(SignInThrottledError);

    const other = await staff();
    expect((await attempt(other, PASSWORD, `203.0.113.${Math.floor(Math.random() * 250) + 1}`))?.email).toBe(other);
  });

  it("counts only failures: a colleague signing in often is never refused", async () => {
    const email = await staff();
    const ip = anIp();
    for (let i = 0; i < 15; i++) expect((await attempt(email, PASSWORD, ip))?.email).toBe(email);
  });

  it("does not reset the count when the right password gets through in between", async () => {
    const email = await staff();
    const ip = anIp();
    for (let i = 0; i < 9; i++) await attempt(email, `guess-${i}`, ip);
    expect((await attempt(email, PASSWORD, ip))?.email).toBe(email);
    expect(await attempt(email, "guess-9", ip)).toBeNull();
    await expect(attempt(email, PASSWORD, ip)).rejects.toBeInstanceOf(SignInThrottledError);
  });

  it("refuses an address that tries 50 wrong passwords across accounts, for every account", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < 50; i++) expect(await attempt(`nobody-${i}-${randomBytes(3).toString("hex")}@test.proofline`, "guess", ip)).toBeNull();
    const email = await staff();
    await expect(attempt(email, PASSWORD, ip)).rejects.toBeInstanceOf(SignInThrottledError);
  });
});
