// Facts proposed from recorded data (an allegation's observed period, an exhibit's dates), with
// the keys that make building them again find the same fact. Pure: the seed uses them too.
import { formatFactPeriod, type DatePrecisionValue } from "@/lib/chronology/dates";

export function allegationFactKey(allegationId: string): string {
  return `allegation:${allegationId}:observed`;
}

export function exhibitFactKey(exhibitId: string, dateKind: "obtained" | "document"): string {
  return `exhibit:${exhibitId}:${dateKind}`;
}

const wholeMonth = (from: Date, to: Date) => from.getUTCDate() === 1 && new Date(to.getTime() + 86_400_000).getUTCDate() === 1;

// A DATA_TRANSFER allegation's observed period as a fact: known to the month when it runs from the
// first of a month to the last of one (April 2019), else to the day. Null when no period is recorded.
export function allegationPeriodFact(a: {
  paragraphLabel: string;
  destinationHost: string;
  recipientOrg: string | null;
  categories: readonly string[];
  observedFrom: Date | null;
  observedTo: Date | null;
}): { startDate: Date; endDate: Date | null; precision: DatePrecisionValue; description: string } | null {
  const start = a.observedFrom ?? a.observedTo;
  if (!start) return null;
  const end = a.observedFrom && a.observedTo ? a.observedTo : null;
  const precision: DatePrecisionValue = end && wholeMonth(start, end) ? "MONTH" : "DAY";
  const endDate = end && precision === "MONTH" ? new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), 1)) : end;
  const what = a.categories.length ? a.categories.join(", ").toLowerCase() : "data";
  const to = `${a.destinationHost}${a.recipientOrg ? ` (${a.recipientOrg})` : ""}`;
  const when = formatFactPeriod(start, endDate, precision);
  return { startDate: start, endDate, precision, description: `Alleged transfer of ${what} to ${to}, observed ${when} (Compl. ¶ ${a.paragraphLabel})` };
}

// The calendar day an instant falls on in a zone (the matter's), as a UTC-midnight date.
export function dayIn(instant: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
  return new Date(`${parts}T00:00:00Z`);
}

export function exhibitDateDescription(
  dateKind: "obtained" | "document",
  e: { label: string; title: string; kind: string; collectedBy: string | null; author: string | null; recipients: string | null; subject: string | null },
): string {
  if (dateKind === "obtained") return `${e.label} obtained: ${e.title}${e.collectedBy ? ` (collected by ${e.collectedBy})` : ""}`;
  if (e.kind === "EMAIL") {
    return `E-mail sent${e.author ? ` by ${e.author}` : ""}${e.recipients ? ` to ${e.recipients}` : ""}: ${e.subject ?? e.title} (${e.label})`;
  }
  return `${e.label} dated: ${e.title}${e.author ? ` (author: ${e.author})` : ""}`;
}
