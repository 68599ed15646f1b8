// Dates on the public pages in the visitor's language. Calendar dates (YYYY-MM-DD) are read as
// such (never shifted by a zone); moments are shown in the matter's zone with its abbreviation.
const TAG = { en: "en-US", es: "es-US" } as const;
const tag = (locale: string) => TAG[locale as keyof typeof TAG] ?? "en-US";

export function formatLocalDate(date: string, locale: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(tag(locale), { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

export function formatLocalMoment(d: Date, timeZone: string, locale: string): string {
  return d.toLocaleString(tag(locale), { weekday: "long", year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" });
}

// The calendar day a moment fell on in the matter's zone ("filed on"): a claim filed at 11 pm in
// Los Angeles was filed that day there, not the next day in UTC.
export function formatLocalDay(d: Date, timeZone: string, locale: string): string {
  return d.toLocaleDateString(tag(locale), { year: "numeric", month: "long", day: "numeric", timeZone });
}
