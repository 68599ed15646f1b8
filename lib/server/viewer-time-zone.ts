import "server-only";
import { cookies } from "next/headers";
import { TIME_ZONE_COOKIE, timeZoneFromCookie } from "@/lib/time-zone";

// The zone the signed-in reader's browser reported; UTC until it has (the first page of a visit).
export async function viewerTimeZone(): Promise<string> {
  return timeZoneFromCookie((await cookies()).get(TIME_ZONE_COOKIE)?.value);
}
