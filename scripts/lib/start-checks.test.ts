import { describe, expect, it } from "vitest";
import { startupProblems, type StartFacts } from "./start-checks";

const deployment: StartFacts = {
  embedded: false,
  demoFlag: false,
  env: { AUTH_SECRET: "s".repeat(32), APP_URL: "https://claims.example.com", AUDIT_CHAIN_KEY: "k".repeat(32), PAYMENT_DETAILS_KEY: "p".repeat(32), MIGRATION_DATABASE_URL: "postgresql://owner@db/proofline" },
  demoAccounts: [],
  pendingMigrations: 0,
  role: { name: "proofline_app", superuser: false, ownsAuditLog: false },
};

describe("startupProblems", () => {
  it("lets a configured deployment start", () => {
    expect(startupProblems(deployment)).toEqual([]);
  });

  it("refuses a deployment database that holds demo accounts, whatever NODE_ENV says", () => {
    const problems = startupProblems({ ...deployment, demoAccounts: ["admin@proofline.test", "attorney@proofline.test"] });
    expect(problems).toEqual([expect.stringMatching(/demo account\(s\) admin@proofline\.test, attorney@proofline\.test .*--demo/)]);
  });

  it("names each missing or weak setting on its own line", () => {
    const problems = startupProblems({ ...deployment, env: { AUTH_SECRET: "short", MIGRATION_DATABASE_URL: "postgresql://owner@db/x" } });
    expect(problems).toEqual([
      expect.stringMatching(/^AUTH_SECRET is 5 characters: it must be at least 32/),
      expect.stringMatching(/^APP_URL is not set/),
      expect.stringMatching(/^AUDIT_CHAIN_KEY is not set/),
      expect.stringMatching(/^PAYMENT_DETAILS_KEY is not set/),
    ]);
    expect(startupProblems({ ...deployment, env: { ...deployment.env, AUTH_SECRET: undefined } })).toEqual([expect.stringMatching(/^AUTH_SECRET is not set/)]);
    expect(startupProblems({ ...deployment, env: { ...deployment.env, PAYMENT_DETAILS_KEY: "short" } })).toEqual([expect.stringMatching(/^PAYMENT_DETAILS_KEY is 5 characters/)]);
  });

  it("refuses an app connection that could switch the audit triggers off", () => {
    expect(startupProblems({ ...deployment, role: { name: "postgres", superuser: true, ownsAuditLog: true } })).toEqual([expect.stringMatching(/postgres, a superuser/)]);
    expect(startupProblems({ ...deployment, role: { name: "owner", superuser: false, ownsAuditLog: true } })).toEqual([expect.stringMatching(/owner, who owns the audit tables/)]);
  });

  it("refuses pending migrations it cannot apply without the owner", () => {
    const problems = startupProblems({ ...deployment, pendingMigrations: 2, env: { ...deployment.env, MIGRATION_DATABASE_URL: undefined } });
    expect(problems).toEqual([expect.stringMatching(/^2 migration\(s\) are pending and MIGRATION_DATABASE_URL/)]);
  });

  it("asks nothing of the embedded demo or an explicit --demo", () => {
    const bare: StartFacts = { ...deployment, env: {}, demoAccounts: ["admin@proofline.test"], role: { name: "postgres", superuser: true, ownsAuditLog: true } };
    expect(startupProblems({ ...bare, embedded: true })).toEqual([]);
    expect(startupProblems({ ...bare, demoFlag: true })).toEqual([]);
  });
});
