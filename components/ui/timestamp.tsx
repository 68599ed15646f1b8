"use client";

import { createContext, useContext } from "react";
import { formatDateTime, formatDateTimeIn, formatShortDateIn } from "@/lib/format";

// The reader's zone, provided once by the workspace layout from the cookie, so the server's HTML and
// the browser's hydration format every instant in the same zone. Outside a provider: UTC.
export const ViewerTimeZoneContext = createContext("UTC");

// When something happened, in the reader's own zone ("Dec 2, 2026, 10:15 AM PST"); hovering shows
// the same instant in UTC, the form exports and court papers use. `dateOnly` gives the day the
// instant fell on in that zone, for narrow table columns ("Added", "Filed").
export function Timestamp({ value, dateOnly = false }: { value: Date | null | undefined; dateOnly?: boolean }) {
  const timeZone = useContext(ViewerTimeZoneContext);
  if (!value) return <>—</>;
  return (
    // Server and browser may carry different ICU versions, which can space "10:15 AM" differently;
    // the zone and the instant are the same, so the server's text is kept.
    <time dateTime={value.toISOString()} title={formatDateTime(value)} suppressHydrationWarning>
      {dateOnly ? formatShortDateIn(value, timeZone) : formatDateTimeIn(value, timeZone)}
    </time>
  );
}
