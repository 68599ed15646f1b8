import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { API_TOKEN_PATTERN } from "@/lib/schemas/api-token";

// The token names its row (so a lookup is one primary-key read) and carries 256 random bits;
// only their SHA-256 is stored, so a database reader cannot use a token.
export function mintToken(id: string): { token: string; secretHash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { token: `pl_${id.replaceAll("-", "")}_${secret}`, secretHash: hashSecret(secret) };
}

export function parseToken(token: string): { id: string; secret: string } | null {
  const match = API_TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const hex = match[1]!;
  return { id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, secret: match[2]! };
}

export function secretMatches(secret: string, secretHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(secretHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
