import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/server/env";

// TOTP secrets must be readable by the server (it computes the codes), so they are encrypted
// rather than hashed: AES-256-GCM under a key derived (HKDF-SHA-256) from TWO_FACTOR_KEY, or from
// AUTH_SECRET when that is unset. The user's id is the associated data, so a secret copied into
// another user's row does not decrypt. Stored as "v1.<key id>.<iv>.<tag>.<ciphertext>" (base64url);
// the key id names a changed key plainly instead of failing as a bad tag.

const VERSION = "v1";

function masterSecret(): string {
  const secret = env.TWO_FACTOR_KEY ?? env.AUTH_SECRET;
  if (!secret) throw new Error("Two-factor secrets need TWO_FACTOR_KEY or AUTH_SECRET to be set");
  return secret;
}

let cached: { secret: string; key: Buffer; keyId: string } | undefined;
function key(): { key: Buffer; keyId: string } {
  const secret = masterSecret();
  if (cached?.secret !== secret) {
    const derived = Buffer.from(hkdfSync("sha256", secret, "proofline", "totp-secret-encryption v1", 32));
    cached = { secret, key: derived, keyId: createHash("sha256").update(derived).digest("base64url").slice(0, 8) };
  }
  return cached;
}

export function encryptTotpSecret(userId: string, secret: string): string {
  const { key: k, keyId } = key();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", k, iv);
  cipher.setAAD(Buffer.from(userId));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, keyId, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptTotpSecret(userId: string, stored: string): string {
  const [version, keyId, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !iv || !tag || !ciphertext) throw new Error("Unreadable two-factor secret");
  const current = key();
  if (keyId !== current.keyId) throw new Error("This two-factor secret was encrypted under another key (TWO_FACTOR_KEY or AUTH_SECRET changed)");
  const decipher = createDecipheriv("aes-256-gcm", current.key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
