"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { ViewerTimeZoneContext } from "@/components/ui/timestamp";
import { TIME_ZONE_COOKIE } from "@/lib/time-zone";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

function cookieValue(name: string): string | undefined {
  const pair = document.cookie.split("; ").find((c) => c.startsWith(`${name}=`));
  return pair === undefined ? undefined : decodeURIComponent(pair.slice(name.length + 1));
}

// Gives every <Timestamp> below the zone the server rendered with (from the cookie), and keeps the
// cookie on the browser's own zone: on the first visit, or after the laptop crosses a border, it
// writes the new zone and re-renders the page once so the times already shown follow it. Once the
// cookie holds the browser's zone nothing more happens, even if the server refused that name.
export function ViewerTimeZone({ timeZone, children }: { timeZone: string; children: React.ReactNode }) {
  const router = useRouter();
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browser || cookieValue(TIME_ZONE_COOKIE) === browser) return;
    const secure = window.location.protocol === "https:" ? "; Secure" : "";
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(browser)}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax${secure}`;
    if (browser !== timeZone) router.refresh();
  }, [router, timeZone]);
  return <ViewerTimeZoneContext value={timeZone}>{children}</ViewerTimeZoneContext>;
}
