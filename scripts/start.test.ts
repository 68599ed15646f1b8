import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { bin, ROOT } from "./lib/postgres";

function start(env: Record<string, string | undefined>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin("tsx"), [path.join(ROOT, "scripts", "start.ts")], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: "3999", ...env } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

describe("npm start against a DATABASE_URL", () => {
  it("refuses, one line per reason, a database holding a demo account and a deployment without its secrets", async () => {
    await db.user.upsert({ where: { email: "admin@proofline.test" }, update: {}, create: { email: "admin@proofline.test", name: "Avery Admin", role: "ADMIN", passwordHash: null } });
    const matters = await db.matter.count();
    const { code, stderr } = await start({ DATABASE_URL: process.env.DATABASE_URL, AUTH_SECRET: "too-short" });
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^proofline: refusing to start: the database holds demo account\(s\) (\S+, )*admin@proofline\.test[ ,]/),
      expect.stringMatching(/^proofline: refusing to start: AUTH_SECRET is 9 characters/),
      expect.stringMatching(/^proofline: refusing to start: APP_URL is not set/),
      expect.stringMatching(/^proofline: refusing to start: AUDIT_CHAIN_KEY is not set/),
      expect.stringMatching(/^proofline: refusing to start: PAYMENT_DETAILS_KEY is not set/),
    ]);
    expect(await db.matter.count()).toBe(matters);
  });

  it("refuses to run the app as the owner of the audit log", async () => {
    const { code, stderr } = await start({
      DATABASE_URL: process.env.TEST_OWNER_DATABASE_URL,
      AUTH_SECRET: "s".repeat(40),
      APP_URL: "https://claims.example.com",
      AUDIT_CHAIN_KEY: "k".repeat(40),
      PAYMENT_DETAILS_KEY: "p".repeat(40),
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/refusing to start: DATABASE_URL connects as \S+, a superuser/);
  });
});
