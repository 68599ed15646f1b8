import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { AppError } from "@/lib/app-error";
import { env } from "@/lib/server/env";

// ACH account numbers must be readable by the server (it writes them into the NACHA file), so
// they are encrypted rather than hashed: AES-256-GCM under a key derived (HKDF-SHA-256) from
// PAYMENT_DETAILS_KEY. The claim's id is the associated data, so a ciphertext copied into
// another claim's row does not decrypt. Stored as "v1.<key id>.<iv>.<tag>.<ciphertext>"
// (base64url); the key id names a changed key plainly instead of failing as a bad tag.

const VERSION = "v1";

let cached: { secret: string; key: Buffer; keyId: string } | undefined;
function key(): { key: Buffer; keyId: string } {
  const secret = env.PAYMENT_DETAILS_KEY;
  if (!secret) throw new AppError("CONFLICT", "Bank account details cannot be stored yet: the server has no PAYMENT_DETAILS_KEY. Choose another way to be paid, or try again later.");
  if (cached?.secret !== secret) {
    const derived = Buffer.from(hkdfSync("sha256", secret, "proofline", "ach-account-number v1", 32));
    cached = { secret, key: derived, keyId: createHash("sha256").update(derived).digest("base64url").slice(0, 8) };
  }
  return cached;
}

export function encryptAccountNumber(claimId: string, accountNumber: string): string {
  const { key: k, keyId } = key();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", k, iv);
  cipher.setAAD(Buffer.from(claimId));
  const ciphertext = Buffer.concat([cipher.update(accountNumber, "utf8"), cipher.final()]);
  return [VERSION, keyId, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptAccountNumber(claimId: string, stored: string): string {
  const [version, keyId, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !iv || !tag || !ciphertext) throw new Error("Unreadable account number");
  const current = key();
  if (keyId !== current.keyId) throw new Error("This account number was encrypted under another key (PAYMENT_DETAILS_KEY changed)");
  const decipher = createDecipheriv("aes-256-gcm", current.key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(claimId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
