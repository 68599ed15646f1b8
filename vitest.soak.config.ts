import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:soak` (scripts/soak.ts): the heavy part of the security suite, against the
// production web server. Spread rather than mergeConfig, which would append to `include`. One
// file at a time: each drives the 2-core CI machine flat out.
export default defineConfig({
  ...base,
  test: { ...base.test, include: ["**/*.soak.ts"], fileParallelism: false, testTimeout: 480_000 },
});
