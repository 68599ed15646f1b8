import "server-only";
import { randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { db, type Tx } from "@/lib/server/db";
import { appendAudit, type AuditActor } from "@/lib/server/audit/append-audit";
import { hashPassword, verifyPassword } from "@/lib/server/auth/passwords";
import { decryptTotpSecret } from "@/lib/server/auth/two-factor-crypto";

// TOTP as every authenticator app expects it (RFC 6238 defaults): SHA-1, 6 digits, 30 seconds.
// A code one step either side of now is accepted, for clocks that drift and people who type slowly.
const PERIOD = 30;
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, email = "") {
  return new TOTP({ issuer: "Proofline", label: email, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

// The otpauth:// URI the QR code carries.
export function otpauthUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

// The code an authenticator shows now: for tests, which play the authenticator.
export function currentTotpCode(secret: string, timestamp = Date.now()): string {
  return totp(secret).generate({ timestamp });
}

// The 30-second step the code belongs to, or null when it matches none near now.
export function totpStep(secret: string, code: string, timestamp = Date.now()): number | null {
  const delta = totp(secret).validate({ token: code, timestamp, window: WINDOW });
  return delta === null ? null : Math.floor(timestamp / 1000 / PERIOD) + delta;
}

// Recovery codes: 10 characters from an alphabet without look-alikes (about 49 bits each), shown
// as two groups of five. Typed back with or without the dash, in any case.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export async function hashRecoveryCodes(codes: readonly string[]): Promise<string[]> {
  return Promise.all(codes.map((c) => hashPassword(normalizeRecoveryCode(c))));
}

export const TOTP_CODE = /^\d{6}$/;

type SecondFactorUser = { id: string; totpSecret: string | null };
export type SecondFactorResult = { ok: true; method: "totp" | "recovery-code" } | { ok: false };

// Checks a code from the user's authenticator or one of their recovery codes, and uses it up:
// an authenticator code is refused once a code of its step or a later one was accepted (a code
// seen over a shoulder or in a log cannot be replayed), and a recovery code works once. The
// compare-and-set statements make two simultaneous uses of one code end with one success.
export async function verifySecondFactor(user: SecondFactorUser, code: string, by: AuditActor): Promise<SecondFactorResult> {
  const typed = code.trim().replace(/\s/g, "");
  if (TOTP_CODE.test(typed)) {
    if (!user.totpSecret) return { ok: false };
    const step = totpStep(decryptTotpSecret(user.id, user.totpSecret), typed);
    if (step === null) return { ok: false };
    const used = await db.$executeRaw`
      UPDATE "User" SET "totpLastUsedStep" = ${step}
      WHERE id = ${user.id}::uuid AND ("totpLastUsedStep" IS NULL OR "totpLastUsedStep" < ${step})`;
    return used === 1 ? { ok: true, method: "totp" } : { ok: false };
  }
  return (await spendRecoveryCode(user.id, typed, by)) ? { ok: true, method: "recovery-code" } : { ok: false };
}

async function spendRecoveryCode(userId: string, code: string, by: AuditActor): Promise<boolean> {
  const normalized = normalizeRecoveryCode(code);
  if (!/^[a-z0-9]{10}$/.test(normalized)) return false;
  const unused = await db.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  const matches = await Promise.all(unused.map((c) => verifyPassword(c.codeHash, normalized)));
  const match = unused.find((_, i) => matches[i]);
  if (!match) return false;
  return db.$transaction(async (tx: Tx) => {
    const { count } = await tx.recoveryCode.updateMany({ where: { id: match.id, usedAt: null }, data: { usedAt: new Date() } });
    if (count !== 1) return false;
    const remaining = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
    await appendAudit(tx, by, { matterId: null, action: "user.use-recovery-code", entityId: userId, details: { remaining } });
    return true;
  });
}
