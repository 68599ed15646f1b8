// Dates as lawyers write them, in UTC so a filing date never shifts a day with the viewer's zone.
const DATE = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

export function formatDate(d: Date | null | undefined): string {
  return d ? DATE.format(d) : "—";
}

// For table columns, where the long month would push the table wider than a laptop screen.
const SHORT_DATE = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
export function formatShortDate(d: Date | null | undefined): string {
  return d ? SHORT_DATE.format(d) : "—";
}

// Instants (when something happened) with the zone named: "Dec 2, 2026, 01:15 PM EST". Staff pages
// show them in the viewer's zone through <Timestamp>; formatDateTime is the UTC form, for what leaves
// the screen (exports, e-mails, papers) and for the hover text that pins the instant.
const DATE_TIME: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
// One formatter per zone (building one is slow); zones arrive canonicalised by ZTimeZone, so the
// map holds at most the few hundred IANA names.
const DATE_TIME_IN = new Map<string, Intl.DateTimeFormat>();

export function formatDateTimeIn(d: Date | null | undefined, timeZone: string): string {
  if (!d) return "—";
  let format = DATE_TIME_IN.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { ...DATE_TIME, timeZone });
    DATE_TIME_IN.set(timeZone, format);
  }
  return format.format(d);
}

// The day an instant fell on in the viewer's zone, for table columns ("Dec 2, 2026").
const SHORT_DATE_IN = new Map<string, Intl.DateTimeFormat>();
export function formatShortDateIn(d: Date | null | undefined, timeZone: string): string {
  if (!d) return "—";
  let format = SHORT_DATE_IN.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone });
    SHORT_DATE_IN.set(timeZone, format);
  }
  return format.format(d);
}

export function formatDateTime(d: Date | null | undefined): string {
  return formatDateTimeIn(d, "UTC");
}

const MONTH = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", timeZone: "UTC" });

// A known-only-roughly range such as first use "March – April 2019".
export function formatDateRange(from: Date | null, to: Date | null): string {
  if (!from && !to) return "—";
  if (from && to) {
    const wholeMonths = from.getUTCDate() === 1 && new Date(to.getTime() + 86_400_000).getUTCDate() === 1;
    if (wholeMonths) {
      const a = MONTH.format(from);
      const b = MONTH.format(to);
      return a === b ? a : `${a} – ${b}`;
    }
    return `${formatDate(from)} – ${formatDate(to)}`;
  }
  return from ? `from ${formatDate(from)}` : `by ${formatDate(to)}`;
}

// Ends a sentence with one full stop: a caption such as "Hong v. ByteDance Inc." already has it.
export function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
