import { z } from "zod";

// A calendar date typed as YYYY-MM-DD (what <input type="date"> sends), checked to be real.
export const ZCalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "Not a real date");

export const ZOptionalText = (max: number, label = "This field") =>
  z.string().trim().max(max, `${label} must be at most ${max} characters`).optional();

// Rendered into each create form; two submits with the same key make one record.
export const ZSubmissionKey = z.uuid("Missing form key: reload the page and try again");

export function dateFromCalendar(s: string | undefined): Date | null {
  return s ? new Date(`${s}T00:00:00Z`) : null;
}

export function calendarFromDate(d: Date | null | undefined): string | undefined {
  return d ? d.toISOString().slice(0, 10) : undefined;
}
