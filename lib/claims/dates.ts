// Calendar dates (YYYY-MM-DD or a Date at UTC midnight) in plain US words: "March 1, 2026".
export function formatCalendarDate(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;
  return d.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

export function formatDateTime(d: Date): string {
  return d.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

export function daysSince(d: Date, now: Date = new Date()): number {
  return Math.floor((now.getTime() - d.getTime()) / 86_400_000);
}

// YYYY-MM-DD of today plus `days` (UTC).
export function calendarDaysFromToday(days: number): string {
  return new Date(new Date().getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
