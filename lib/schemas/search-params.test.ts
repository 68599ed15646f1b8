import { describe, expect, it } from "vitest";
import { ZClaimFilters } from "@/lib/schemas/claim";
import { ZCalendarDate } from "@/lib/schemas/common";
import { ZExhibitFilters } from "@/lib/schemas/exhibit";
import { ZClaimFormQuery, ZCreatedQuery, ZMyClaimQuery, ZOutboxQuery, ZVerifyQuery } from "@/lib/schemas/page-queries";
import { parseSearchParams } from "@/lib/schemas/search-params";

describe("page query parameters", () => {
  it("drops a claims filter that does not parse and keeps the good ones, so the queue shows its default", () => {
    expect(parseSearchParams(ZClaimFilters, { status: "BOGUS", minScore: "abc", deficientDays: "-1", page: "0", q: "pat", subclass: "x".repeat(500) })).toEqual({ q: "pat", page: 1 });
    expect(parseSearchParams(ZClaimFilters, { status: ["APPROVED", "BOGUS"], page: "1e400" })).toEqual({ status: "APPROVED", page: 1 });
  });

  it("strips NUL bytes from search text", () => {
    expect(parseSearchParams(ZClaimFilters, { q: "\0" })).toEqual({ page: 1 });
    expect(parseSearchParams(ZClaimFilters, { q: "pa\0t" }).q).toBe("pat");
    expect(parseSearchParams(ZOutboxQuery, { to: "a\0b@example.org" })).toEqual({ to: "ab@example.org" });
  });

  it("drops impossible dates, year 0000 included, and unknown enum values from the exhibit filters", () => {
    expect(parseSearchParams(ZExhibitFilters, { from: "0000-01-01", to: "2024-02-30", kind: "BOGUS", q: "umeng" })).toEqual({ q: "umeng" });
    expect(ZCalendarDate.safeParse("0000-12-31").success).toBe(false);
    expect(ZCalendarDate.safeParse("0001-01-01").success).toBe(true);
  });

  it("ignores prototype keys and flags other than the ones the page sets", () => {
    expect(parseSearchParams(ZMyClaimQuery, { answered: "yes", withdrawn: "1", __proto__: "x", constructor: "y" } as Record<string, string>)).toEqual({ withdrawn: "1" });
    expect(parseSearchParams(ZCreatedQuery, { created: "not-a-uuid" })).toEqual({});
    expect(parseSearchParams(ZVerifyQuery, { token: "<script>" })).toEqual({});
    expect(parseSearchParams(ZClaimFormQuery, { notice: ["N-1", "N-2"], code: "x".repeat(41) })).toEqual({ notice: "N-1" });
  });
});
