import { createHash, createHmac } from "node:crypto";
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
  // Absent from rows written before tokens existed, and null for sessions and scripts.
  viaTokenId?: string | null;
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
    // Only present when a token made the change, so every earlier seal still verifies.
    ...(event.viaTokenId ? { viaTokenId: event.viaTokenId } : {}),
  });
  if (text === undefined) throw new Error("audit event cannot be canonicalised");
  return text;
}

// Version 1 seals (written before the chain was keyed): anyone who can edit a row can recompute them.
export function chainHash(prevHash: string, event: ChainedEvent): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalEvent(event)).digest("hex");
}

// Version 2 seals: HMAC-SHA-256 under a key kept outside the database, so rewriting a row and
// recomputing the chain needs the key as well as the database.
export const KEYED_SEAL_VERSION = 2;
export const AUDIT_KEY_MIN_LENGTH = 32;

export type AuditKey = { id: string; secret: string };

// The key's fingerprint, stored on each seal so a verifier can tell which key a seal needs
// without the seal revealing anything about the key.
export function auditKey(secret: string): AuditKey {
  if (secret.length < AUDIT_KEY_MIN_LENGTH) throw new Error(`AUDIT_CHAIN_KEY must be at least ${AUDIT_KEY_MIN_LENGTH} characters`);
  return { id: createHash("sha256").update("proofline audit key id\n").update(secret).digest("hex").slice(0, 16), secret };
}

export function keyedChainHash(key: AuditKey, prevHash: string, event: ChainedEvent): string {
  return createHmac("sha256", key.secret).update(prevHash).update("\n").update(canonicalEvent(event)).digest("hex");
}

export type SealCheck = { version: number; keyId: string | null; prevHash: string; hash: string };

// Why a seal does not hold for this event, or null when it does. After the first keyed seal a
// chain accepts no plain one: otherwise a rewrite could fall back to recomputable version 1 seals.
export function sealProblem(seal: SealCheck, event: ChainedEvent, key: AuditKey | null, keyedSeen: boolean): string | null {
  if (seal.version === 1) {
    if (keyedSeen) return "a plain (version 1) seal follows keyed seals: the chain was rewritten";
    return chainHash(seal.prevHash, event) === seal.hash ? null : "the event's content does not match its hash: it was altered";
  }
  if (seal.version !== KEYED_SEAL_VERSION) return `unknown seal version ${seal.version}`;
  if (!key) return "the seal is keyed but AUDIT_CHAIN_KEY is not set";
  if (seal.keyId !== key.id) return `the seal names key ${seal.keyId}, not the configured key ${key.id}`;
  return keyedChainHash(key, seal.prevHash, event) === seal.hash ? null : "the event's content does not match its keyed hash: it was altered or resealed without the key";
}

// Events without a matter (user administration) form one chain of their own.
export const GLOBAL_CHAIN = "global";
export function chainOf(matterId: string | null): string {
  return matterId ?? GLOBAL_CHAIN;
}
