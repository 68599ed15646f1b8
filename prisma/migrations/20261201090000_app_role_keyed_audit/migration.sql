-- The app runs as "proofline_app": a role that owns nothing, so it can neither disable the audit
-- triggers (ALTER TABLE needs ownership) nor switch to replica mode (superuser only). Migrations
-- and pg-boss queue creation run as the owner (MIGRATION_DATABASE_URL). Roles are cluster-wide:
-- the role is created NOLOGIN here when missing (two databases migrating at once may race, hence
-- the exception handler); deployments give it LOGIN and a password, or grant it to a login role.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'proofline_app') THEN
    CREATE ROLE proofline_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO proofline_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO proofline_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO proofline_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO proofline_app;

-- The audit log: the app appends events and seals (INSERT), reads them back, and nothing more.
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "AuditEvent", "AuditSeal" FROM proofline_app;
-- Migration history belongs to the owner; the app may only look (start-up checks what is pending).
REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM proofline_app;

-- Tables, sequences and functions later migrations (and pg-boss's per-queue partitions) create as
-- the owner are usable by the app without a grant in each migration. A new append-only table must
-- revoke UPDATE and DELETE from proofline_app in its own migration, as above.
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO proofline_app;
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO proofline_app;
ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO proofline_app;

-- Keyed seals: version 1 = SHA-256(prev ‖ event) (every seal written before this migration),
-- version 2 = HMAC-SHA-256 under AUDIT_CHAIN_KEY, whose fingerprint is keyId.
ALTER TABLE "AuditSeal" ADD COLUMN "version" SMALLINT NOT NULL DEFAULT 1, ADD COLUMN "keyId" TEXT;
ALTER TABLE "AuditSeal" ALTER COLUMN "version" DROP DEFAULT;
ALTER TABLE "AuditSeal" ADD CONSTRAINT "AuditSeal_version_check" CHECK (("version" = 1 AND "keyId" IS NULL) OR ("version" = 2 AND "keyId" IS NOT NULL));
