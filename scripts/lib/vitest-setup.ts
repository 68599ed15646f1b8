// Runs in each test worker before the test file is imported, so lib/server/env sees the run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.TEST_ADMIN_DATABASE_URL = inject("adminDatabaseUrl");
process.env.LOG_LEVEL ??= "silent";
