import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // Outside Next's react-server build, "server-only" throws on import; tests are the server.
      "server-only": path.join(import.meta.dirname, "scripts/lib/empty-module.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    globalSetup: ["scripts/lib/vitest-global-setup.ts"],
    setupFiles: ["scripts/lib/vitest-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
    // run it through Vite's resolver (the entry-point inventory imports the auth routes).
    server: { deps: { inline: ["next-auth"] } },
  },
});
