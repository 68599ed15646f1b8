import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { seedDemo } from "../../prisma/seed";
import { dropDatabase, ensureDatabase, migrateDeploy, uniqueDatabaseName, withDatabase } from "./postgres";

// A fresh database with the demo matter for one e2e run; the returned function drops it.
export async function prepareE2eDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = uniqueDatabaseName("proofline_e2e");
  await ensureDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  await migrateDeploy(url);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
  return { url, drop: () => dropDatabase(adminUrl, name) };
}
