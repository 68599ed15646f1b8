// Chronology dates: a sortable calendar date plus how precisely it is known. Pure, so forms,
// pages, exports and the seed read and write dates the same way.

export const DATE_PRECISIONS = ["DAY", "MONTH", "YEAR", "APPROXIMATE"] as const;
export type DatePrecisionValue = (typeof DATE_PRECISIONS)[number];
export const DATE_PRECISION_LABELS: Record<DatePrecisionValue, string> = {
  DAY: "Day",
  MONTH: "Month",
  YEAR: "Year",
  APPROXIMATE: "Approximate (year)",
};

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

// "2019", "2019-04" or "2019-04-03" at the given precision → the first day it covers (UTC
// midnight), or an error message naming what is missing. A day needs all three parts, a month two.
export function parseFactDate(text: string, precision: DatePrecisionValue): { date: Date } | { error: string } {
  const m = SHAPE.exec(text.trim());
  if (!m) return { error: "Use YYYY, YYYY-MM or YYYY-MM-DD" };
  const [, y, mo, d] = m;
  if (y === "0000") return { error: "Not a real date" };
  if (precision === "DAY" && !d) return { error: "A date known to the day needs YYYY-MM-DD" };
  if (precision === "MONTH" && !mo) return { error: "A date known to the month needs YYYY-MM" };
  const month = precision === "YEAR" || precision === "APPROXIMATE" ? "01" : (mo ?? "01");
  const day = precision === "DAY" ? d! : "01";
  const iso = `${y}-${month}-${day}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(iso)) return { error: "Not a real date" };
  return { date };
}

// The stored date back as the form shows it, at its precision.
export function factDateInput(date: Date, precision: DatePrecisionValue): string {
  const iso = date.toISOString().slice(0, 10);
  return precision === "DAY" ? iso : precision === "MONTH" ? iso.slice(0, 7) : iso.slice(0, 4);
}

// "April 3, 2019", "April 2019", "2019", "c. 2019".
export function formatFactDate(date: Date, precision: DatePrecisionValue): string {
  const y = date.getUTCFullYear();
  const month = MONTHS[date.getUTCMonth()]!;
  switch (precision) {
    case "DAY":
      return `${month} ${date.getUTCDate()}, ${y}`;
    case "MONTH":
      return `${month} ${y}`;
    case "YEAR":
      return String(y);
    case "APPROXIMATE":
      return `c. ${y}`;
  }
}

// A fact's date or period: "April 2019", "April 2019 – June 2019", "April 3 – 5, 2019" is not
// attempted: both ends are written in full so a reader never has to infer a year.
export function formatFactPeriod(start: Date, end: Date | null, precision: DatePrecisionValue): string {
  const a = formatFactDate(start, precision);
  if (!end) return a;
  const b = formatFactDate(end, precision);
  return a === b ? a : `${a} – ${b}`;
}

// The last day a date at this precision covers, for filters and the timeline's bar length.
export function lastDayCovered(date: Date, precision: DatePrecisionValue): Date {
  const y = date.getUTCFullYear();
  if (precision === "DAY") return date;
  if (precision === "MONTH") return new Date(Date.UTC(y, date.getUTCMonth() + 1, 0));
  return new Date(Date.UTC(y, 11, 31));
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
