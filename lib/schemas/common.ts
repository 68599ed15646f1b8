import { z } from "zod";

// A calendar date typed as YYYY-MM-DD (what <input type="date"> sends), checked to be real.
export const ZCalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    // There is no year 0 (PostgreSQL refuses it), though JavaScript's calendar has one.
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && !s.startsWith("0000");
  }, "Not a real date");

// PostgreSQL refuses U+0000 in text and a lone surrogate has no UTF-8 encoding: either would
// fail the INSERT (a 500, and in a coalesced batch its neighbours too), so text is refused at
// the boundary with a message the user can act on.
export const UNSTORABLE_TEXT_MESSAGE = "Contains characters that cannot be stored (a null byte or a broken character): retype it";

const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

// Every schema field that takes user text starts here instead of z.string().
export const ZText = (params?: Parameters<typeof z.string>[0]) => z.string(params).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

export const ZOptionalText = (max: number, label = "This field") =>
  ZText().trim().max(max, `${label} must be at most ${max} characters`).optional();

// Rendered into each create form; two submits with the same key make one record.
export const ZSubmissionKey = z.uuid("Missing form key: reload the page and try again");

export function dateFromCalendar(s: string | undefined): Date | null {
  return s ? new Date(`${s}T00:00:00Z`) : null;
}

export function calendarFromDate(d: Date | null | undefined): string | undefined {
  return d ? d.toISOString().slice(0, 10) : undefined;
}
