// Calendar dates (YYYY-MM-DD or a Date at UTC midnight) in plain US words: "March 1, 2026".
export function formatCalendarDate(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;
  return d.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

// A moment in the given IANA zone with its abbreviation ("Dec 2, 2026, 9:15 AM PST"); claimants
// read times in the matter's zone, the zone its deadlines are set in.
export function formatDateTime(d: Date, timeZone = "UTC"): string {
  // (dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are spelled out.)
  return d.toLocaleString("en-US", { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" });
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
