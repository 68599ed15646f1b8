import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { seedDemo } from "../../prisma/seed";
import { createAppLoginRole, dropDatabase, ensureDatabase, migrateDeploy, uniqueDatabaseName, withCredentials, withDatabase } from "./postgres";

// A fresh database with the demo matter for one e2e run, migrated and seeded by the owner; `url`
// is the app's role (what the web server runs as), `ownerUrl` the owner. `drop` removes both.
export async function prepareE2eDatabase(adminUrl: string): Promise<{ url: string; ownerUrl: string; drop: () => Promise<void> }> {
  const name = uniqueDatabaseName("proofline_e2e");
  await ensureDatabase(adminUrl, name);
  const ownerUrl = withDatabase(adminUrl, name);
  let login: Awaited<ReturnType<typeof createAppLoginRole>> | undefined;
  const drop = async () => {
    await dropDatabase(adminUrl, name);
    await login?.drop();
  };
  try {
    await migrateDeploy(ownerUrl);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerUrl }) });
    try {
      await seedDemo(db);
    } finally {
      await db.$disconnect();
    }
    login = await createAppLoginRole(adminUrl, "proofline_e2e_app");
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: withCredentials(ownerUrl, login.role, login.password), ownerUrl, drop };
}
