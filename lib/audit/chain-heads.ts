import { createHmac, timingSafeEqual } from "node:crypto";
import canonicalize from "canonicalize";
import type { AuditKey } from "@/lib/audit/chain-hash";

// A signed snapshot of every chain's last seal, exported outside the database every ten minutes:
// a later rewrite of anything at or below these heads no longer matches them, even by someone
// who holds the key and recomputes every seal.
export type ChainHead = { chain: string; seq: string; eventId: string; hash: string; sealedAt: string };
export type HeadsBody = { format: "proofline-audit-heads"; exportedAt: string; keyId: string; heads: ChainHead[] };
export type HeadsFile = HeadsBody & { mac: string };

function mac(key: AuditKey, body: HeadsBody): string {
  const text = canonicalize(body);
  if (text === undefined) throw new Error("audit heads cannot be canonicalised");
  return createHmac("sha256", key.secret).update(text).digest("hex");
}

export function signHeads(key: AuditKey, exportedAt: Date, heads: ChainHead[]): HeadsFile {
  const body: HeadsBody = { format: "proofline-audit-heads", exportedAt: exportedAt.toISOString(), keyId: key.id, heads };
  return { ...body, mac: mac(key, body) };
}

// Parses a heads file and checks its MAC; throws with the reason when it cannot be trusted.
export function openHeads(key: AuditKey, text: string): HeadsFile {
  const parsed = JSON.parse(text) as Partial<HeadsFile>;
  if (parsed.format !== "proofline-audit-heads" || !Array.isArray(parsed.heads) || typeof parsed.mac !== "string") {
    throw new Error("not a Proofline audit heads file");
  }
  if (parsed.keyId !== key.id) throw new Error(`signed with key ${parsed.keyId}, not the configured key ${key.id}`);
  const { mac: given, ...body } = parsed as HeadsFile;
  const expected = Buffer.from(mac(key, body), "hex");
  const actual = Buffer.from(given, "hex");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new Error("its signature does not match: the file was altered");
  return parsed as HeadsFile;
}

export function headsFileName(exportedAt: Date): string {
  return `heads-${exportedAt.toISOString().replaceAll(":", "-")}.json`;
}
