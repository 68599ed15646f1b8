// One real PostgreSQL database per test run: created and migrated here as the owner, dropped at
// the end. The tests' app code connects as a login role of the app role (proofline_app), so the
// suite proves the app works without owning anything.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import {
  createAppLoginRole,
  dropDatabase,
  ensureDatabase,
  migrateDeploy,
  resolveTestServer,
  uniqueDatabaseName,
  withCredentials,
  withDatabase,
} from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    ownerDatabaseUrl: string;
    adminDatabaseUrl: string;
    auditChainKey: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await resolveTestServer();
  const name = uniqueDatabaseName("proofline_test");
  await ensureDatabase(server.adminUrl, name);
  const ownerUrl = withDatabase(server.adminUrl, name);
  let login: Awaited<ReturnType<typeof createAppLoginRole>> | undefined;
  const teardown = async () => {
    await dropDatabase(server.adminUrl, name);
    await login?.drop();
    await server.stop();
  };
  try {
    await migrateDeploy(ownerUrl);
    login = await createAppLoginRole(server.adminUrl, "proofline_test_app");
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("databaseUrl", withCredentials(ownerUrl, login.role, login.password));
  project.provide("ownerDatabaseUrl", ownerUrl);
  project.provide("adminDatabaseUrl", server.adminUrl);
  project.provide("auditChainKey", randomBytes(32).toString("base64url"));
  return teardown;
}
