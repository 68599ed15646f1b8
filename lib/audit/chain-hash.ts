import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export const GENESIS_HASH = "0".repeat(64);

// The fields of an audit event that the chain commits to, as read back from the database.
export type ChainedEvent = {
  id: bigint;
  at: Date;
  actorId: string | null;
  matterId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details: unknown;
  ip: string | null;
};

// RFC 8785 canonical JSON, so the same event always hashes the same whatever the key order
// PostgreSQL's jsonb hands back.
export function canonicalEvent(event: ChainedEvent): string {
  const text = canonicalize({
    id: event.id.toString(),
    at: event.at.toISOString(),
    actorId: event.actorId,
    matterId: event.matterId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    details: event.details ?? null,
    ip: event.ip,
  });
  if (text === undefined) throw new Error("audit event cannot be canonicalised");
  return text;
}

export function chainHash(prevHash: string, event: ChainedEvent): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalEvent(event)).digest("hex");
}

// Events without a matter (user administration) form one chain of their own.
export const GLOBAL_CHAIN = "global";
export function chainOf(matterId: string | null): string {
  return matterId ?? GLOBAL_CHAIN;
}
