import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The cluster test (scripts/cluster.cluster.ts): two production web instances and a worker over
// one database and one S3-protocol server. `npm test` runs it after `next build`
// (scripts/test.ts); it skips, saying why, when there is no build. Spread rather than
// mergeConfig, which would append to `include`.
export default defineConfig({
  ...base,
  test: { ...base.test, include: ["**/*.cluster.ts"], fileParallelism: false, testTimeout: 240_000, hookTimeout: 240_000 },
});
