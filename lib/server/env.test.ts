import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("configuration", () => {
  it("reads a variable set to an empty string as unset (compose's `${SMTP_URL:-}`), and still refuses a bad one", async () => {
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("S3_ENDPOINT", "");
    vi.resetModules();
    const { env } = await import("@/lib/server/env");
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.S3_ENDPOINT).toBeUndefined();

    vi.stubEnv("SMTP_URL", "http://not-smtp.example");
    vi.resetModules();
    await expect(import("@/lib/server/env")).rejects.toThrow(/SMTP_URL must be an smtp/);
  });
});
