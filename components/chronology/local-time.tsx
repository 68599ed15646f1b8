"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

// A staff time in the viewer's own zone. The server renders UTC (it cannot know the zone); the
// browser renders its zone after hydration, so the two never disagree mid-hydration.
export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZoneName: "short" }).format(new Date(iso)),
    () => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC", timeZoneName: "short" }).format(new Date(iso)),
  );
  return <time dateTime={iso}>{text}</time>;
}
