import { ZTimeZone } from "@/lib/schemas/time-zone";

// The staff member's own zone travels in this cookie, set by the browser (ViewerTimeZone in the
// workspace layout) and read per request, so the server renders "uploaded at" in the reader's zone.
// Pure: the server, the client component and tests import it.
export const TIME_ZONE_COOKIE = "tz";

// A missing, forged or unknown zone reads as UTC: every time still shows, labelled with its zone.
export function timeZoneFromCookie(value: string | undefined): string {
  const parsed = ZTimeZone.safeParse(value);
  return parsed.success ? parsed.data : "UTC";
}
