import { todayIn } from "@/lib/claims/dates";
import { generateClaimNumber } from "@/lib/claims/claim-number";

// Opt-outs and objections: the rules both forms share. Pure: pages, use cases and tests import it.

// The same person across an opt-out and a claim (or an objection): lower case, accents stripped,
// punctuation other than letters, digits, apostrophes and hyphens dropped, whitespace collapsed.
// "  José   O'Brien-Núñez " → "jose o'brien-nunez".
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}'\- ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// A form closes at the end of its deadline's day in the matter's zone: open while today there
// is on or before the deadline. No deadline set: the form is not offered at all.
export function isBeforeDeadline(deadline: string | Date | null | undefined, timeZone: string, now: Date = new Date()): boolean {
  if (!deadline) return false;
  const day = typeof deadline === "string" ? deadline : deadline.toISOString().slice(0, 10);
  return todayIn(timeZone, now) <= day;
}

// References a member reads over the phone: the claim-number alphabet with its check character.
export const optOutReference = () => `OX-${generateClaimNumber()}`;
export const objectionReference = () => `OB-${generateClaimNumber()}`;

// A calendar date (YYYY-MM-DD or a Date at UTC midnight) in the reader's language.
export function formatDay(day: string | Date, locale: string): string {
  const d = typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day;
  return d.toLocaleDateString(locale === "es" ? "es-US" : "en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

// A moment in the matter's zone, in the reader's language.
export function formatMoment(at: Date, timeZone: string, locale: string): string {
  return at.toLocaleString(locale === "es" ? "es-US" : "en-US", { dateStyle: "long", timeStyle: "short", timeZone });
}

// "America/Los_Angeles" → "Los Angeles": how the forms name the zone their deadline is in.
export const zoneCity = (timeZone: string) => (timeZone.split("/").at(-1) ?? timeZone).replaceAll("_", " ");

export const MAX_GROUNDS_CHARS = 10_000;
export const MAX_OBJECTION_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const MATCH_BASIS_LABELS = { email: "E-mail", address: "Address", dateOfBirth: "Date of birth" } as const;
export type MatchBasis = keyof typeof MATCH_BASIS_LABELS;
