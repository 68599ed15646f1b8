// `npm test`: typecheck → lint → unit + integration (vitest, real PostgreSQL) → production build
// → the cluster test (two web instances, a worker, S3; scripts/cluster.cluster.ts) → Playwright e2e
// in Chromium. Stops at the first failing step and says which.
import { CHROMIUM_HINT, findChromium } from "./lib/chromium";
import { bin, run } from "./lib/postgres";
import { runE2e } from "./e2e";

const steps: [string, () => Promise<void>][] = [
  ["typecheck", () => run(bin("tsc"), ["--noEmit"])],
  ["lint", () => run(bin("eslint"), ["--max-warnings=0", "."])],
  ["unit + integration", () => run(bin("vitest"), ["run"])],
  ["build", () => run(bin("next"), ["build"])],
  // Needs the build: production web instances. Vite notes that the extensionless import of the
  // base config will need a change once its native config loader is the default; it reads fine.
  ["cluster", () => run(bin("vitest"), ["run", "--config", "vitest.cluster.config.ts"], { VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" })],
  ["e2e", () => runE2e()],
];

async function main() {
  // Fail in one line before spending minutes on the other steps.
  if (!(await findChromium())) throw new Error(CHROMIUM_HINT);
  const started = Date.now();
  for (const [name, step] of steps) {
    const t0 = Date.now();
    console.log(`\n▶ ${name}`);
    try {
      await step();
    } catch (error) {
      console.error(`\n✗ ${name} failed after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      throw error;
    }
    console.log(`✓ ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  }
  console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s.`);
}

main().catch((error) => {
  console.error(`test: ${(error as Error).message.split("\n")[0]}`);
  process.exit(1);
});
