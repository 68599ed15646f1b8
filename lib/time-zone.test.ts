import { describe, expect, it } from "vitest";
import { formatDateTime, formatDateTimeIn } from "@/lib/format";
import { timeZoneFromCookie } from "@/lib/time-zone";

// 18:15 UTC on December 2, 2026: a winter afternoon in London, morning in Los Angeles.
const MOMENT = new Date("2026-12-02T18:15:00Z");

describe("the viewer's time zone from the tz cookie", () => {
  it("keeps a zone the browser reported, aliases included, spelled the way Intl spells it", () => {
    expect(timeZoneFromCookie("America/Los_Angeles")).toBe("America/Los_Angeles");
    expect(timeZoneFromCookie("america/los_angeles")).toBe("America/Los_Angeles");
    expect(timeZoneFromCookie("Europe/Paris")).toBe("Europe/Paris");
    expect(timeZoneFromCookie("Asia/Calcutta")).not.toBe("UTC");
    expect(timeZoneFromCookie("UTC")).toBe("UTC");
  });

  it("reads UTC for a missing, unknown or forged value", () => {
    expect(timeZoneFromCookie(undefined)).toBe("UTC");
    expect(timeZoneFromCookie("")).toBe("UTC");
    expect(timeZoneFromCookie("Mars/Olympus_Mons")).toBe("UTC");
    expect(timeZoneFromCookie("+05:30")).toBe("UTC");
    expect(timeZoneFromCookie("America/Los_Angeles; Path=/")).toBe("UTC");
    expect(timeZoneFromCookie(`${"A".repeat(60)}/${"B".repeat(60)}`)).toBe("UTC");
  });
});

describe("an instant in a zone", () => {
  it("shows the same moment at each reader's own clock, with the zone named", () => {
    expect(formatDateTimeIn(MOMENT, "America/Los_Angeles")).toBe("Dec 2, 2026, 10:15 AM PST");
    expect(formatDateTimeIn(MOMENT, "America/New_York")).toBe("Dec 2, 2026, 01:15 PM EST");
    expect(formatDateTimeIn(MOMENT, "UTC")).toBe("Dec 2, 2026, 06:15 PM UTC");
    expect(formatDateTime(MOMENT)).toBe("Dec 2, 2026, 06:15 PM UTC");
  });

  it("moves to the next calendar day where the clock has already passed midnight", () => {
    expect(formatDateTimeIn(new Date("2026-12-02T23:30:00Z"), "Asia/Tokyo")).toBe("Dec 3, 2026, 08:30 AM GMT+9");
    expect(formatDateTimeIn(new Date("2026-12-02T23:30:00Z"), "UTC")).toBe("Dec 2, 2026, 11:30 PM UTC");
  });

  it("follows daylight saving time: the same zone reads PDT in summer", () => {
    expect(formatDateTimeIn(new Date("2026-07-01T18:15:00Z"), "America/Los_Angeles")).toBe("Jul 1, 2026, 11:15 AM PDT");
  });

  it("shows a dash when there is no instant", () => {
    expect(formatDateTimeIn(null, "America/Los_Angeles")).toBe("—");
    expect(formatDateTime(undefined)).toBe("—");
  });
});
