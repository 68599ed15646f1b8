// One real PostgreSQL database per test run: created and migrated here, dropped at the end.
import type { TestProject } from "vitest/node";
import { dropDatabase, ensureDatabase, migrateDeploy, resolveTestServer, uniqueDatabaseName, withDatabase } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await resolveTestServer();
  const name = uniqueDatabaseName("proofline_test");
  await ensureDatabase(server.adminUrl, name);
  const url = withDatabase(server.adminUrl, name);
  try {
    await migrateDeploy(url);
  } catch (error) {
    await dropDatabase(server.adminUrl, name);
    await server.stop();
    throw error;
  }
  project.provide("databaseUrl", url);
  project.provide("adminDatabaseUrl", server.adminUrl);
  return async () => {
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  };
}
