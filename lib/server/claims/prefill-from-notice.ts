import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { MIN_CONFIRMATION_CODE_LENGTH } from "@/lib/schemas/claim-import";
import { db } from "@/lib/server/db";
import { noticePrefillLimits } from "@/lib/server/rate-limit/limits";
import { hit } from "@/lib/server/rate-limit/rate-limit";

export type NoticePrefill = { values: Record<string, string>; limited: boolean };

// Codes are compared case-insensitively and in constant time (hashes of equal length), so the
// time an answer takes says nothing about how much of a guess was right.
export function confirmationCodesMatch(stored: string, given: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s.toUpperCase()).digest();
  return timingSafeEqual(digest(stored), digest(given));
}

// A notice's ID and confirmation code (from the mailed letter's link) fill in the name and
// address; both must match, so the link cannot be used to read someone else's address. Each
// try counts against the caller's IP and against the notice ID, so codes cannot be guessed in
// bulk; a refused try fills nothing in and says why, calmly (the form still works empty).
export async function prefillFromNotice(matterId: string, noticeId: string | undefined, code: string | undefined, ctx: { ip: string | null }): Promise<NoticePrefill> {
  const none = { values: {}, limited: false };
  if (!noticeId || !code || noticeId.length > 40 || code.length > 40) return none;
  const allowed = await hit(noticePrefillLimits(ctx.ip ?? "unknown", matterId, noticeId));
  if (!allowed.ok) return { values: {}, limited: true };
  if (code.length < MIN_CONFIRMATION_CODE_LENGTH) return none;
  const n = await db.noticeRecipient.findUnique({ where: { matterId_noticeId: { matterId, noticeId } } });
  if (!n || !confirmationCodesMatch(n.confirmationCode, code)) return none;
  return {
    limited: false,
    values: {
      noticeId: n.noticeId,
      confirmationCode: n.confirmationCode,
      fullName: n.fullName,
      addressLine1: n.addressLine1,
      addressLine2: n.addressLine2 ?? "",
      city: n.city,
      state: n.state,
      zip: n.zip,
    },
  };
}
