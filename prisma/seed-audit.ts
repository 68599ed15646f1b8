// The seed writes its audit rows with its own client (it runs outside Next), but through the
// same registry as the app: the same names, entity types and checked details.
import { auditRecord, type AuditAction, type AuditDetails } from "../lib/audit/events";
import type { Prisma } from "../lib/generated/prisma/client";

export function seedAudit<A extends AuditAction>(action: A, details: AuditDetails<A>) {
  const record = auditRecord(action, details);
  return { action: record.action, entityType: record.entityType, details: record.details as Prisma.InputJsonObject };
}
