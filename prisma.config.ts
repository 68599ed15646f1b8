import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI downloads a native schema engine unless this names an existing file. Ours runs
// Prisma's own WASM engine over the pg driver adapter, so every command works offline.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.resolve(import.meta.dirname, "scripts/prisma-schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  // `prisma generate` needs no database; the fallback only keeps it from failing on a fresh install.
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/proofline" },
});
