import "server-only";
import { auditKey, type AuditKey } from "@/lib/audit/chain-hash";
import { env } from "@/lib/server/env";

export function configuredAuditKey(): AuditKey | null {
  return env.AUDIT_CHAIN_KEY ? auditKey(env.AUDIT_CHAIN_KEY) : null;
}

// Sealing without the key would write seals anyone could recompute; better to leave events
// unsealed (verification reports them) until the key is configured.
export function requireAuditKey(): AuditKey {
  const key = configuredAuditKey();
  if (!key) throw new Error("AUDIT_CHAIN_KEY is not set: audit events cannot be sealed");
  return key;
}
