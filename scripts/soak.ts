// `npm run test:soak`: the heavy part of the standing security suite (issue 9), run after
// `npm test` by CI. Against the production web server, so it builds first when there is no build.
//   - no loss under load: lib/server/claims/claim-intake.soak.ts
//   - crash safety of uploads (kill -9 mid-upload) and the integrity sweep (a flipped byte, a
//     missing file): lib/server/exhibits/upload-crash.soak.ts
//   - crash safety of extraction (a worker killed mid-extraction; the job finishes once):
//     lib/server/jobs/worker-process.test.ts, which `npm test` runs
import fs from "node:fs";
import path from "node:path";
import { bin, ROOT, run } from "./lib/postgres";

async function main() {
  const started = Date.now();
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.log("▶ no production build: next build");
    await run(bin("next"), ["build"]);
  }
  // Vite notes that the extensionless import of the base config will need a change once its
  // native config loader is the default; the current loader reads it fine.
  await run(bin("vitest"), ["run", "--config", "vitest.soak.config.ts", ...process.argv.slice(2)], { VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" });
  console.log("crash_worker: a worker killed mid-extraction is covered by lib/server/jobs/worker-process.test.ts (npm test)");
  console.log(`soak_total: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error) => {
  console.error(`test:soak: ${(error as Error).message.split("\n")[0]}`);
  process.exit(1);
});
