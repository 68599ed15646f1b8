import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS } from "./scripts/lib/chromium";

// Run through `npm test` or `npm run test:e2e`, which prepare a seeded database and find Chromium.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const APP_URL = `http://127.0.0.1:${PORT}`;
// The web server's mailbox (no SMTP here), read by the specs: scripts/e2e.ts gives each run a
// fresh folder. Set here too so that the test workers, which inherit this process's env, see it.
const MAIL_SINK_DIR = (process.env.MAIL_SINK_DIR ??= path.resolve(".data/e2e-mail"));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    // The production web server (Next.js behind the lean claim-intake path), as `npm start` runs it.
    command: `node_modules/.bin/tsx --conditions=react-server scripts/web-server.ts`,
    url: `http://127.0.0.1:${PORT}/api/auth/providers`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: { NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", PORT: String(PORT), NODE_ENV: "production", APP_URL, MAIL_SINK_DIR },
  },
});
