import { describe, expect, it } from "vitest";
import { deadlinePassed, utcToZonedTime, zonedTimeToUtc } from "@/lib/claims/dates";

const LA = "America/Los_Angeles";

describe("deadlinePassed: end of day in the matter's zone", () => {
  it("is open at 23:59 local on the deadline and closed at 00:00 the next day (PST, UTC-8)", () => {
    expect(deadlinePassed("2026-01-15", LA, new Date("2026-01-16T07:59:59.999Z"))).toBe(false);
    expect(deadlinePassed("2026-01-15", LA, new Date("2026-01-16T08:00:00.000Z"))).toBe(true);
  });
  it("follows PDT (UTC-7) in summer", () => {
    expect(deadlinePassed("2026-07-01", LA, new Date("2026-07-02T06:59:00Z"))).toBe(false);
    expect(deadlinePassed("2026-07-01", LA, new Date("2026-07-02T07:00:00Z"))).toBe(true);
  });
  it("uses the offset after DST starts on the deadline day (Mar 8 2026: 23:59 PDT)", () => {
    expect(deadlinePassed("2026-03-08", LA, new Date("2026-03-09T06:59:00Z"))).toBe(false);
    expect(deadlinePassed("2026-03-08", LA, new Date("2026-03-09T07:00:00Z"))).toBe(true);
  });
  it("uses the offset after DST ends on the deadline day (Nov 1 2026: 23:59 PST)", () => {
    expect(deadlinePassed("2026-11-01", LA, new Date("2026-11-02T07:59:00Z"))).toBe(false);
    expect(deadlinePassed("2026-11-01", LA, new Date("2026-11-02T08:00:00Z"))).toBe(true);
  });
  it("is not UTC midnight: still open in Los Angeles after midnight UTC", () => {
    expect(deadlinePassed("2026-01-15", LA, new Date("2026-01-16T00:30:00Z"))).toBe(false);
  });
  it("closes earlier in a zone east of UTC", () => {
    expect(deadlinePassed("2026-01-15", "Asia/Tokyo", new Date("2026-01-15T14:59:00Z"))).toBe(false);
    expect(deadlinePassed("2026-01-15", "Asia/Tokyo", new Date("2026-01-15T15:00:00Z"))).toBe(true);
  });
});

describe("zonedTimeToUtc / utcToZonedTime", () => {
  it("round-trips a hearing time in PST and PDT", () => {
    expect(zonedTimeToUtc("2026-01-20T10:00", LA).toISOString()).toBe("2026-01-20T18:00:00.000Z");
    expect(zonedTimeToUtc("2026-06-20T10:00", LA).toISOString()).toBe("2026-06-20T17:00:00.000Z");
    expect(utcToZonedTime(new Date("2026-06-20T17:00:00Z"), LA)).toBe("2026-06-20T10:00");
  });
  it("reads a time inside the spring-forward gap as an instant within the hour around it", () => {
    expect(["2026-03-08T09:30:00.000Z", "2026-03-08T10:30:00.000Z"]).toContain(zonedTimeToUtc("2026-03-08T02:30", LA).toISOString());
  });
  it("refuses what is not a local date-time", () => {
    expect(() => zonedTimeToUtc("2026-03-08", LA)).toThrow(RangeError);
  });
});
