// Timestamps as capture tools really write them: ISO 8601 with "Z" or an offset ("+08:00",
// "+0800", "+08"), with or without fractional seconds (any number of digits), "T" or a space
// between date and time. A time without a zone is read as UTC and reported as zone-less.
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export type HarTime = { at: Date; zone: string | null };

export function parseHarTime(text: unknown): HarTime | null {
  if (typeof text !== "string") return null;
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0", frac = "", zoneRaw] = m;
  const ms = Number((frac + "000").slice(0, 3));
  let offsetMinutes = 0;
  let zone: string | null = null;
  if (zoneRaw && zoneRaw.toUpperCase() === "Z") zone = "Z";
  else if (zoneRaw) {
    const sign = zoneRaw.startsWith("-") ? -1 : 1;
    const digits = zoneRaw.slice(1).replace(":", "");
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2, 4) || "0");
    if (hours > 14 || minutes > 59) return null;
    offsetMinutes = sign * (hours * 60 + minutes);
    zone = `${sign < 0 ? "-" : "+"}${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
  }
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms) - offsetMinutes * 60_000;
  const at = new Date(utc);
  // Date.UTC rolls 31 February over into March: refuse dates the calendar does not have.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(utc) || check.getUTCDate() !== day) return null;
  return { at, zone };
}
