import { describe, expect, it } from "vitest";
import { isBeforeDeadline, normalizeName } from "@/lib/settlement/responses";

describe("normalizeName", () => {
  it("lower-cases, strips accents and collapses whitespace", () => {
    expect(normalizeName("  José   María\tNÚÑEZ ")).toBe("jose maria nunez");
    expect(normalizeName("Zoë O’Brien-Smith")).toBe("zoe o'brien-smith");
    expect(normalizeName("François\u00a0Müller")).toBe("francois muller");
  });
  it("treats composed and decomposed accents alike", () => {
    expect(normalizeName("Jose\u0301")).toBe(normalizeName("José"));
  });
  it("drops punctuation that is not part of a name", () => {
    expect(normalizeName("Pat, Jr.")).toBe("pat jr");
  });
  it("keeps different people different", () => {
    expect(normalizeName("Ana Li")).not.toBe(normalizeName("Anali"));
  });
});

describe("isBeforeDeadline (end of the deadline's day in the matter's zone)", () => {
  const tz = "America/Los_Angeles";
  it("is open at 11:59 pm Pacific on the deadline, although it is already the next day in UTC", () => {
    expect(isBeforeDeadline("2027-03-31", tz, new Date("2027-04-01T06:59:00Z"))).toBe(true);
  });
  it("is closed at midnight Pacific after the deadline", () => {
    expect(isBeforeDeadline("2027-03-31", tz, new Date("2027-04-01T07:00:00Z"))).toBe(false);
  });
  it("follows the zone: in New York the same instant is already past", () => {
    expect(isBeforeDeadline("2027-03-31", "America/New_York", new Date("2027-04-01T04:30:00Z"))).toBe(false);
    expect(isBeforeDeadline("2027-03-31", "America/New_York", new Date("2027-04-01T03:59:00Z"))).toBe(true);
  });
  it("accepts a Date column (UTC midnight) and treats a missing deadline as closed", () => {
    expect(isBeforeDeadline(new Date("2027-03-31T00:00:00Z"), tz, new Date("2027-03-31T20:00:00Z"))).toBe(true);
    expect(isBeforeDeadline(null, tz)).toBe(false);
  });
});
