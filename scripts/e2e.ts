// `npm run test:e2e`: Playwright in Chromium against the production web server on a fresh seeded database.
// Needs a build (`npm run build`); `npm test` runs the build first.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CHROMIUM_HINT, findChromium } from "./lib/chromium";
import { prepareE2eDatabase } from "./lib/e2e-database";
import { bin, resolveTestServer, run } from "./lib/postgres";

export async function runE2e(extraArgs: string[] = []): Promise<void> {
  const chromium = await findChromium();
  if (!chromium) throw new Error(CHROMIUM_HINT);
  const server = await resolveTestServer();
  const database = await prepareE2eDatabase(server.adminUrl);
  const headsDir = fs.mkdtempSync(path.join(os.tmpdir(), "proofline-e2e-heads-"));
  // The run's mailbox: the web server writes each message here, the specs read the links.
  const mailSinkDir = await fsp.mkdtemp(path.join(os.tmpdir(), "proofline-e2e-mail-"));
  try {
    // The web server runs as the app's role, as `npm start` runs it.
    await run(bin("playwright"), ["test", ...extraArgs], {
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUDIT_CHAIN_KEY: randomBytes(32).toString("base64url"),
      PAYMENT_DETAILS_KEY: randomBytes(32).toString("base64url"),
      AUDIT_HEADS_DIR: headsDir,
      CHROMIUM_PATH: chromium,
      MAIL_SINK_DIR: mailSinkDir,
    });
  } finally {
    fs.rmSync(headsDir, { recursive: true, force: true });
    await fsp.rm(mailSinkDir, { recursive: true, force: true });
    await database.drop();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runE2e(process.argv.slice(2)).catch((error) => {
    console.error(`e2e: ${(error as Error).message}`);
    process.exit(1);
  });
}
