-- The audit log is append-only for every database role the app uses: UPDATE, DELETE and TRUNCATE
-- of AuditEvent and AuditSeal are refused by triggers (which bind superusers too, unless they
-- deliberately switch to replica mode — and then verification finds the tampering).
CREATE FUNCTION proofline_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit rows are append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION proofline_audit_append_only();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION proofline_audit_append_only();
CREATE TRIGGER "AuditSeal_append_only" BEFORE UPDATE OR DELETE ON "AuditSeal"
  FOR EACH ROW EXECUTE FUNCTION proofline_audit_append_only();
CREATE TRIGGER "AuditSeal_no_truncate" BEFORE TRUNCATE ON "AuditSeal"
  FOR EACH STATEMENT EXECUTE FUNCTION proofline_audit_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent", "AuditSeal" FROM PUBLIC;
