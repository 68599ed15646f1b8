// Runs in each test worker before the test file is imported, so lib/server/env sees the run's database.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";

// The app role (no ownership); tests that must act as the owner (tampering with the audit log to
// prove verification catches it) connect with TEST_OWNER_DATABASE_URL explicitly.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.TEST_OWNER_DATABASE_URL = inject("ownerDatabaseUrl");
process.env.TEST_ADMIN_DATABASE_URL = inject("adminDatabaseUrl");
process.env.AUDIT_CHAIN_KEY ??= inject("auditChainKey");
// Account numbers are encrypted and read back within one test file's process.
process.env.PAYMENT_DETAILS_KEY ??= randomBytes(32).toString("base64url");
process.env.LOG_LEVEL ??= "silent";
// Session cookies are decrypted with it (lib/server/auth/actor-from-session-cookie.ts); a fixed
// test value, as the web server would have its own.
process.env.AUTH_SECRET ??= "vitest-auth-secret-".padEnd(48, "0");
// Each test file's own mailbox (no SMTP in tests): scripts/lib/mailbox.ts reads it.
const mailSinkDir = fs.mkdtempSync(path.join(os.tmpdir(), "proofline-mail-"));
process.env.MAIL_SINK_DIR = mailSinkDir;
delete process.env.SMTP_URL;
delete process.env.APP_URL;
afterAll(() => fs.rmSync(mailSinkDir, { recursive: true, force: true }));

// Use cases enqueue real jobs into the run's database (no workers run in tests); stop the queue
// client a test file started so the worker process can exit.
afterAll(async () => {
  if ((globalThis as { prooflineBoss?: unknown }).prooflineBoss) {
    const { stopBoss } = await import("@/lib/server/jobs/boss");
    await stopBoss();
  }
});
