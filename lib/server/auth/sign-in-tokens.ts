import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { appUrl } from "@/lib/server/env";

// A sign-in link carries 256 random bits; the database keeps only their SHA-256, so a leaked
// table cannot be replayed as links.
export function newSignInToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const VERIFY_LINK_TTL_MS = 72 * 60 * 60 * 1000;
export const SIGN_IN_LINK_TTL_MS = 30 * 60 * 1000;

// Always the configured origin: a link built from the request's Host would let whoever sends the
// request choose where a member's live token is mailed to.
export function linkUrl(token: string): string {
  return `${appUrl}/claim/verify?token=${encodeURIComponent(token)}`;
}

export const PASSWORD_RESET_TTL_MS = 30 * 60 * 1000;

// The staff password reset page, from the configured origin for the same reason as linkUrl.
export function passwordResetUrl(token: string): string {
  return `${appUrl}/reset-password?token=${encodeURIComponent(token)}`;
}
