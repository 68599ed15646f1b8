// What `npm start` decides before it serves anything, as a pure function so it can be tested
// without a database: demo data and generated secrets only on the embedded database or with an
// explicit --demo; anything else is a deployment and must be configured as one. NODE_ENV is not
// the signal: a production database started with NODE_ENV unset must still be refused demo users.
import { AUDIT_KEY_MIN_LENGTH as AUDIT_CHAIN_KEY_MIN_LENGTH } from "../../lib/audit/chain-hash";

export const AUTH_SECRET_MIN_LENGTH = 32;
export const PAYMENT_DETAILS_KEY_MIN_LENGTH = 32;

export type StartFacts = {
  embedded: boolean;
  demoFlag: boolean;
  env: { AUTH_SECRET?: string; APP_URL?: string; AUDIT_CHAIN_KEY?: string; PAYMENT_DETAILS_KEY?: string; MIGRATION_DATABASE_URL?: string };
  // Demo accounts (prisma/demo-users.ts) found in the database.
  demoAccounts: string[];
  pendingMigrations: number;
  // The role DATABASE_URL connects as.
  role: { name: string; superuser: boolean; ownsAuditLog: boolean };
};

export function isDemo(facts: Pick<StartFacts, "embedded" | "demoFlag">): boolean {
  return facts.embedded || facts.demoFlag;
}

// One line per reason to refuse; empty when start-up may go on.
export function startupProblems(facts: StartFacts): string[] {
  const problems: string[] = [];
  if (facts.pendingMigrations > 0 && !facts.env.MIGRATION_DATABASE_URL) {
    problems.push(`${facts.pendingMigrations} migration(s) are pending and MIGRATION_DATABASE_URL (the database owner) is not set: set it, or run \`npm run db:migrate\` with it first`);
  }
  if (isDemo(facts)) return problems;
  if (facts.demoAccounts.length > 0) {
    problems.push(`the database holds demo account(s) ${facts.demoAccounts.join(", ")} whose password is public: remove them, or start with --demo for a demo`);
  }
  const secret = facts.env.AUTH_SECRET;
  if (!secret) problems.push(`AUTH_SECRET is not set: give it at least ${AUTH_SECRET_MIN_LENGTH} random characters (it signs session cookies)`);
  else if (secret.length < AUTH_SECRET_MIN_LENGTH) problems.push(`AUTH_SECRET is ${secret.length} characters: it must be at least ${AUTH_SECRET_MIN_LENGTH}`);
  if (!facts.env.APP_URL) problems.push("APP_URL is not set: give the public origin that links in mail point to (e.g. https://claims.example.com)");
  const key = facts.env.AUDIT_CHAIN_KEY;
  if (!key) problems.push(`AUDIT_CHAIN_KEY is not set: give it at least ${AUDIT_CHAIN_KEY_MIN_LENGTH} random characters, kept outside the database (it keys the audit chain)`);
  else if (key.length < AUDIT_CHAIN_KEY_MIN_LENGTH) problems.push(`AUDIT_CHAIN_KEY is ${key.length} characters: it must be at least ${AUDIT_CHAIN_KEY_MIN_LENGTH}`);
  const paymentKey = facts.env.PAYMENT_DETAILS_KEY;
  if (!paymentKey) problems.push(`PAYMENT_DETAILS_KEY is not set: give it at least ${PAYMENT_DETAILS_KEY_MIN_LENGTH} random characters, kept outside the database (it encrypts class members' bank account numbers)`);
  else if (paymentKey.length < PAYMENT_DETAILS_KEY_MIN_LENGTH) problems.push(`PAYMENT_DETAILS_KEY is ${paymentKey.length} characters: it must be at least ${PAYMENT_DETAILS_KEY_MIN_LENGTH}`);
  if (facts.role.superuser) {
    problems.push(`DATABASE_URL connects as ${facts.role.name}, a superuser, who can switch the audit log's triggers off: connect as the app role (proofline_app, or a login role granted it) and give the owner as MIGRATION_DATABASE_URL`);
  } else if (facts.role.ownsAuditLog) {
    problems.push(`DATABASE_URL connects as ${facts.role.name}, who owns the audit tables and can switch their triggers off: connect as the app role (proofline_app, or a login role granted it) and give the owner as MIGRATION_DATABASE_URL`);
  }
  return problems;
}
