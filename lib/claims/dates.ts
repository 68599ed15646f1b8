// Calendar dates (YYYY-MM-DD or a Date at UTC midnight) in plain US words: "March 1, 2026".
export function formatCalendarDate(value: string | Date | null | undefined, locale = "en-US"): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;
  return d.toLocaleDateString(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

// A moment in the given IANA zone with its abbreviation ("Dec 2, 2026, 9:15 AM PST"); claimants
// read times in the matter's zone, the zone its deadlines are set in.
export function formatDateTime(d: Date, timeZone = "UTC", locale = "en-US"): string {
  // (dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are spelled out.)
  return d.toLocaleString(locale, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" });
}

// Today's calendar date (YYYY-MM-DD) where the matter is: a deadline "December 31" closes at the
// end of December 31 in the matter's zone, not at midnight UTC.
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function daysSince(d: Date, now: Date = new Date()): number {
  return Math.floor((now.getTime() - d.getTime()) / 86_400_000);
}

// YYYY-MM-DD of today plus `days` (UTC).
export function calendarDaysFromToday(days: number): string {
  return new Date(new Date().getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

// A deadline "December 31" is open through 23:59:59.999 on December 31 where the matter is, and
// closed from 00:00 on January 1 there — whatever the UTC offset that night (DST included).
export function deadlinePassed(deadline: string, timeZone: string, now: Date = new Date()): boolean {
  return todayIn(timeZone, now) > deadline;
}

// The UTC instant of a wall-clock time (YYYY-MM-DDTHH:mm) in an IANA zone. A time the DST change skips
// (02:30 on a spring-forward night) lands on an instant within an hour of it, never an error.
export function zonedTimeToUtc(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new RangeError(`Not a local date and time: ${local}`);
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // Two passes: the zone's offset near the guess, then at the corrected instant.
  let guess = asUtc - offsetMs(new Date(asUtc), timeZone);
  guess = asUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

// The wall-clock time (YYYY-MM-DDTHH:mm) of an instant in an IANA zone: what <input type="datetime-local"> shows.
export function utcToZonedTime(d: Date, timeZone: string): string {
  const p = zoneParts(d, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

function zoneParts(d: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  ) as Record<"year" | "month" | "day" | "hour" | "minute" | "second", string>;
  return parts;
}

function offsetMs(d: Date, timeZone: string): number {
  const p = zoneParts(d, timeZone);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(d.getTime() / 1000) * 1000;
}
