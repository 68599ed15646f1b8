import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { auditRecord, type AuditAction, type AuditDetails } from "@/lib/audit/events";

export type AuditEntry<A extends AuditAction> = {
  matterId: string | null;
  action: A;
  entityId: string;
  details: AuditDetails<A>;
};

// Who a row is attributed to: the actor, or only the address a signed-out request came from.
export type AuditActor = Pick<Actor, "ip"> & { userId: string | null };

// Called inside the mutation's transaction: the event exists if and only if the change does.
// A plain INSERT with no shared lock, so concurrent writers never queue behind each other; the
// sealer (seal-audit-events.ts) chains the row within a second. The entity type comes from the
// action's registry entry and the details are checked against its schema (lib/audit/events.ts).
export async function appendAudit<A extends AuditAction>(tx: Tx, actor: AuditActor | null, entry: AuditEntry<A>): Promise<bigint> {
  const record = auditRecord(entry.action, entry.details);
  const row = await tx.auditEvent.create({
    data: {
      actorId: actor?.userId ?? null,
      ip: actor?.ip ?? null,
      matterId: entry.matterId,
      action: record.action,
      entityType: record.entityType,
      entityId: entry.entityId,
      details: record.details as Prisma.InputJsonObject,
    },
    select: { id: true },
  });
  // Outputs that name the event that recorded them (a production's manifest, an export) need its id.
  return row.id;
}
