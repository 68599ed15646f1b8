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
export type AuditActor = Pick<Actor, "ip" | "token"> & { userId: string | null };

// Called inside the mutation's transaction: the event exists if and only if the change does.
// A plain INSERT with no shared lock, so concurrent writers never queue behind each other; the
// sealer (seal-audit-events.ts) chains the row within a second. The entity type comes from the
// action's registry entry and the details are checked against its schema (lib/audit/events.ts).
// Returns the event's id and time, which papers generated in the same transaction cite.
export async function appendAudit<A extends AuditAction>(tx: Tx, actor: AuditActor | null, entry: AuditEntry<A>): Promise<{ id: bigint; at: Date }> {
  const record = auditRecord(entry.action, entry.details);
  return tx.auditEvent.create({
    data: {
      actorId: actor?.userId ?? null,
      ip: actor?.ip ?? null,
      viaTokenId: actor?.token?.id ?? null,
      matterId: entry.matterId,
      action: record.action,
      entityType: record.entityType,
      entityId: entry.entityId,
      details: record.details as Prisma.InputJsonObject,
    },
    select: { id: true, at: true },
  });
}

// Many rows of one transaction in one statement (a bulk intake's chunk of exhibits), each
// checked against its action's schema like appendAudit's.
export async function appendAuditMany<A extends AuditAction>(tx: Tx, actor: AuditActor | null, entries: AuditEntry<A>[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => {
    const record = auditRecord(entry.action, entry.details);
    return { actorId: actor?.userId ?? null, ip: actor?.ip ?? null, viaTokenId: actor?.token?.id ?? null, matterId: entry.matterId, action: record.action, entityType: record.entityType, entityId: entry.entityId, details: record.details };
  });
  // One statement for the lot; jsonb_to_recordset keeps their order, so ids follow it.
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("actorId", ip, "viaTokenId", "matterId", action, "entityType", "entityId", details)
    SELECT "actorId", ip, "viaTokenId", "matterId", action, "entityType", "entityId", details
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t("actorId" uuid, ip text, "viaTokenId" uuid, "matterId" uuid, action text, "entityType" text, "entityId" text, details jsonb)`;
}
