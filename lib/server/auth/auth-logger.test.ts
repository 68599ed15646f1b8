import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { AuthError, CredentialsSignin } from "@auth/core/errors";
import { authLogger } from "@/lib/server/auth/auth-logger";
import { SignInThrottledError } from "@/lib/server/auth/throttle-sign-in";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: authLogger(pino({ level: "info" }, stream)), lines };
}

describe("the sign-in log", () => {
  it("records a wrong password as a refused sign-in, without a stack, also when the build renamed the class", async () => {
    const { log, lines } = capture();
    const minified = new CredentialsSignin();
    // What the minified build does to the class name that the old check compared.
    minified.name = "t";
    log.error(minified);
    log.error(new SignInThrottledError(600));
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => [l.level, l.msg, l.code])).toEqual([
      [30, "sign-in refused", "credentials"],
      [30, "sign-in refused", "throttled"],
    ]);
    expect(JSON.stringify(lines)).not.toContain("stack");
  });

  it("still logs anything else as an error with its stack", async () => {
    const { log, lines } = capture();
    log.error(new AuthError("the secret is missing"));
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: "auth error" });
    expect(JSON.stringify(lines[0])).toContain("stack");
  });
});
