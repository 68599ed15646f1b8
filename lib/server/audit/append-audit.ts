import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";

export type AuditEntry = {
  matterId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details?: Prisma.InputJsonValue;
};

// Called inside the mutation's transaction: the event exists if and only if the change does.
// A plain INSERT with no shared lock, so concurrent writers never queue behind each other; the
// sealer (seal-audit-events.ts) chains the row within a second.
export async function appendAudit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor?.userId ?? null,
      ip: actor?.ip ?? null,
      matterId: entry.matterId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      details: entry.details ?? {},
    },
  });
}
