// `npm run test:e2e`: Playwright in Chromium against the production web server on a fresh seeded database.
// Needs a build (`npm run build`); `npm test` runs the build first.
import { randomBytes } from "node:crypto";
import { CHROMIUM_HINT, findChromium } from "./lib/chromium";
import { prepareE2eDatabase } from "./lib/e2e-database";
import { bin, resolveTestServer, run } from "./lib/postgres";

export async function runE2e(extraArgs: string[] = []): Promise<void> {
  const chromium = await findChromium();
  if (!chromium) throw new Error(CHROMIUM_HINT);
  const server = await resolveTestServer();
  const database = await prepareE2eDatabase(server.adminUrl);
  try {
    await run(bin("playwright"), ["test", ...extraArgs], {
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      CHROMIUM_PATH: chromium,
    });
  } finally {
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
