// `npm run db:migrate`: as the database owner (MIGRATION_DATABASE_URL, else DATABASE_URL), applies
// pending migrations and installs pg-boss with every queue, whose tables need an owner. The app
// itself runs as the owner-less role proofline_app. Runs with the react-server condition so
// lib/server's "server-only" guard lets it in.
import { run, bin, describeUrl, pendingMigrations } from "./lib/postgres";

async function main() {
  const url = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("set MIGRATION_DATABASE_URL (the owner of the database) or DATABASE_URL");
  // Checking the database directly takes milliseconds; the Prisma CLI takes seconds.
  if ((await pendingMigrations(url)).length > 0) await run(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL: url }, true);
  process.env.DATABASE_URL = url;
  const { installQueues } = await import("@/lib/server/jobs/boss");
  await installQueues(url);
  console.log(`migrated ${describeUrl(url)} and installed the job queues`);
}

main().catch((error) => {
  console.error(`db:migrate: ${(error as { output?: string }).output ?? (error as Error).message}`);
  process.exit(1);
});
