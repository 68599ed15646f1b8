"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
// dateStyle/timeStyle cannot be combined with timeZoneName (a RangeError), so the fields are named.
const FIELDS = { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" } as const;

// A staff time in the viewer's own zone. The server renders UTC (it cannot know the zone); the
// browser renders its zone after hydration, so the two never disagree mid-hydration.
export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => new Intl.DateTimeFormat("en-US", FIELDS).format(new Date(iso)),
    () => new Intl.DateTimeFormat("en-US", { ...FIELDS, timeZone: "UTC" }).format(new Date(iso)),
  );
  return <time dateTime={iso}>{text}</time>;
}
