import { describe, expect, it } from "vitest";
import { aggregateCaptureRequests, captureFactKey, type CaptureRequest } from "@/lib/chronology/capture-facts";
import { factDateInput, formatFactDate, formatFactPeriod, lastDayCovered, parseFactDate } from "@/lib/chronology/dates";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("chronology dates", () => {
  it("formats each precision as a lawyer writes it", () => {
    expect(formatFactDate(d("2019-04-03"), "DAY")).toBe("April 3, 2019");
    expect(formatFactDate(d("2019-04-01"), "MONTH")).toBe("April 2019");
    expect(formatFactDate(d("2019-01-01"), "YEAR")).toBe("2019");
    expect(formatFactDate(d("2019-01-01"), "APPROXIMATE")).toBe("c. 2019");
  });

  it("formats periods with both ends in full, and one end when they are the same", () => {
    expect(formatFactPeriod(d("2019-03-01"), d("2019-04-01"), "MONTH")).toBe("March 2019 – April 2019");
    expect(formatFactPeriod(d("2019-04-01"), d("2019-04-01"), "MONTH")).toBe("April 2019");
    expect(formatFactPeriod(d("2019-11-27"), null, "DAY")).toBe("November 27, 2019");
  });

  it("parses the parts a precision needs and stores the first day it covers", () => {
    expect(parseFactDate("2019-04-03", "DAY")).toEqual({ date: d("2019-04-03") });
    expect(parseFactDate("2019-04-03", "MONTH")).toEqual({ date: d("2019-04-01") });
    expect(parseFactDate("2019-04", "MONTH")).toEqual({ date: d("2019-04-01") });
    expect(parseFactDate("2019-04-17", "YEAR")).toEqual({ date: d("2019-01-01") });
    expect(parseFactDate("2019", "APPROXIMATE")).toEqual({ date: d("2019-01-01") });
    expect(parseFactDate("2019-04", "DAY")).toEqual({ error: expect.stringContaining("YYYY-MM-DD") });
    expect(parseFactDate("2019", "MONTH")).toEqual({ error: expect.stringContaining("YYYY-MM") });
    expect(parseFactDate("2019-02-30", "DAY")).toEqual({ error: "Not a real date" });
    expect(parseFactDate("2019-13", "MONTH")).toEqual({ error: "Not a real date" });
    expect(parseFactDate("0000", "YEAR")).toEqual({ error: "Not a real date" });
    expect(parseFactDate("April 2019", "MONTH")).toEqual({ error: expect.stringContaining("YYYY") });
  });

  it("round-trips the form value and knows the last day a date covers", () => {
    expect(factDateInput(d("2019-04-01"), "MONTH")).toBe("2019-04");
    expect(factDateInput(d("2019-04-03"), "DAY")).toBe("2019-04-03");
    expect(factDateInput(d("2019-01-01"), "APPROXIMATE")).toBe("2019");
    expect(lastDayCovered(d("2019-02-01"), "MONTH")).toEqual(d("2019-02-28"));
    expect(lastDayCovered(d("2019-01-01"), "YEAR")).toEqual(d("2019-12-31"));
    expect(lastDayCovered(d("2019-04-03"), "DAY")).toEqual(d("2019-04-03"));
  });
});

describe("capture aggregation", () => {
  const base = { exhibitId: "ex1", exhibitLabel: "PX-0007", organisation: "Alibaba", dataCategories: [] } as const;
  const req = (entryIndex: number, at: string, host: string, domain: string | null, cats: CaptureRequest["dataCategories"] = []): CaptureRequest => ({
    ...base,
    entryIndex,
    startedAt: new Date(at),
    host,
    registrableDomain: domain,
    dataCategories: cats,
  });

  it("makes one fact per capture, destination and UTC day, not one per request", () => {
    const facts = aggregateCaptureRequests([
      req(12, "2019-04-03T08:00:00Z", "alog.umeng.com", "umeng.com", ["ANDROID_ID"]),
      req(400, "2019-04-03T09:00:00Z", "ulogs.umeng.com", "umeng.com", ["IMEI"]),
      req(980, "2019-04-03T23:59:59Z", "alog.umeng.com", "umeng.com"),
      req(981, "2019-04-04T00:00:01Z", "alog.umeng.com", "umeng.com"),
      { ...req(13, "2019-04-03T08:01:00Z", "bugly.qq.com", "qq.com"), organisation: "Tencent" },
    ]);
    expect(facts.map((f) => f.key)).toEqual([
      captureFactKey("ex1", "qq.com", "2019-04-03"),
      captureFactKey("ex1", "umeng.com", "2019-04-03"),
      captureFactKey("ex1", "umeng.com", "2019-04-04"),
    ]);
    const umeng = facts[1]!;
    expect(umeng).toMatchObject({ requestCount: 3, firstEntry: 12, lastEntry: 980, dataCategories: ["IMEI", "ANDROID_ID"] });
    expect(umeng.description).toBe("2019-04-03: 3 requests from the app to umeng.com (Alibaba) carrying IMEI, Android ID — PX-0007 entries 12–980");
    expect(facts[2]!.description).toBe("2019-04-04: 1 request from the app to umeng.com (Alibaba) — PX-0007 entry 981");
  });

  it("falls back to the host when no registrable domain was found, and keeps captures apart", () => {
    const facts = aggregateCaptureRequests([
      req(1, "2019-04-03T08:00:00Z", "10.0.0.1", null),
      { ...req(1, "2019-04-03T08:00:00Z", "10.0.0.1", null), exhibitId: "ex2", exhibitLabel: "PX-0008" },
    ]);
    expect(facts).toHaveLength(2);
    expect(facts[0]!.destination).toBe("10.0.0.1");
  });
});
