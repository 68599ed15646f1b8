import { describe, expect, it } from "vitest";
import { CONTENT_TYPE_FIELD, PATTERN_RULES, luhnValid, type RequestPart } from "@/lib/analyzer/detect/pattern-rules";
import { scanRequest } from "@/lib/analyzer/detect/scan-request";

// One hit and one near miss per rule, each presented as one field of a request.
type Case = { part?: RequestPart; name: string; value: string; matched?: string };
const CASES: Record<string, { hit: Case; miss: Case }> = {
  "imei.field": { hit: { name: "imei", value: "35693803564380" }, miss: { name: "imei", value: "unknown" } },
  "imei.luhn-value": { hit: { name: "did", value: "861234567890127" }, miss: { name: "did", value: "861234567890128" } },
  "android-id.field": { hit: { name: "android_id", value: "9774d56d682e549c" }, miss: { name: "android_id", value: "9774d56d682e549" } },
  "advertising-id.field": {
    hit: { name: "gaid", value: "38400000-8cf0-11bd-b23e-10b96e40000d" },
    miss: { name: "gaid", value: "00000000-0000-0000-0000-000000000000" },
  },
  "mac.value": { hit: { name: "x", value: "a4:50:46:12:34:56" }, miss: { name: "x", value: "02:00:00:00:00:00" } },
  "mac.field": { hit: { name: "wifi_mac", value: "A45046123456" }, miss: { name: "wifi_mac", value: "A4504612345" } },
  "device-model.field": { hit: { name: "device_model", value: "SM-G960F" }, miss: { name: "device_model", value: "0" } },
  "device-model.user-agent": {
    hit: { part: "header", name: "User-Agent", value: "Dalvik/2.1.0 (Linux; U; Android 9; SM-G960F Build/PPR1.180610.011)", matched: "SM-G960F" },
    miss: { part: "header", name: "User-Agent", value: "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0" },
  },
  "os-version.field": { hit: { name: "os_version", value: "9.0.1" }, miss: { name: "os_version", value: "Pie" } },
  "os-version.user-agent": {
    hit: { part: "header", name: "User-Agent", value: "Dalvik/2.1.0 (Linux; U; Android 9; SM-G960F Build/PPR1)", matched: "9" },
    miss: { part: "header", name: "User-Agent", value: "AndroidDownloadManager/9" },
  },
  "location.latitude-field": { hit: { name: "lat", value: "37.774929" }, miss: { name: "lat", value: "37.7" } },
  "location.longitude-field": { hit: { name: "lng", value: "-122.4194" }, miss: { name: "lng", value: "-122.41" } },
  "location.pair-value": { hit: { name: "loc", value: "37.77493,-122.41942" }, miss: { name: "loc", value: "37.77,-122.42" } },
  "browsing.url-field": { hit: { name: "page_url", value: "https://www.example.com/article/42" }, miss: { name: "page_url", value: "/feed/home" } },
  "phone.field": { hit: { name: "mobile", value: "(415) 555-0123" }, miss: { name: "mobile", value: "12345" } },
  "phone.e164-value": { hit: { name: "x", value: "+8613812345678" }, miss: { name: "x", value: "+12345" } },
  "email.value": { hit: { name: "x", value: "tester@proofline.test" }, miss: { name: "x", value: "root@localhost" } },
  "contacts.field": { hit: { name: "contact_list", value: "Ann:+14155550100" }, miss: { name: "contact_us", value: "Ann:+14155550100" } },
  "media.upload": { hit: { name: CONTENT_TYPE_FIELD, value: "video/mp4" }, miss: { name: CONTENT_TYPE_FIELD, value: "application/json" } },
};

function scanField({ part = "query", name, value }: Case) {
  if (part === "header") return scanRequest(0, { method: "GET", url: "https://h.example/", headers: [{ name, value }] }, null).detections;
  if (name === CONTENT_TYPE_FIELD) {
    return scanRequest(0, { method: "POST", url: "https://h.example/", postData: { mimeType: "application/x-www-form-urlencoded", params: [{ name: "f", fileName: "f", contentType: value }] } }, null).detections;
  }
  return scanRequest(0, { method: "GET", url: `https://h.example/?${new URLSearchParams([[name, value]])}` }, null).detections;
}

describe("pattern rules", () => {
  it("every rule has a hit and a near miss below", () => {
    expect(PATTERN_RULES.map((r) => r.id).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const rule of PATTERN_RULES) {
    const { hit, miss } = CASES[rule.id]!;
    it(`${rule.id}: fires on ${hit.value}`, () => {
      const found = scanField(hit).filter((d) => d.ruleId === rule.id);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ category: rule.category, mode: "pattern", matched: hit.matched ?? hit.value, part: hit.part ?? (hit.name === CONTENT_TYPE_FIELD ? "body" : "query") });
    });
    it(`${rule.id}: stays quiet on the near miss ${miss.value}`, () => {
      expect(scanField(miss).filter((d) => d.ruleId === rule.id)).toEqual([]);
    });
  }

  it("a JSON array under a contacts field fires on the container", () => {
    const { detections } = scanRequest(3, { method: "POST", url: "https://h.example/", postData: { mimeType: "application/json", text: JSON.stringify({ contacts: [{ n: "Ann" }, { n: "Bo" }] }) } }, null);
    expect(detections).toContainEqual(expect.objectContaining({ ruleId: "contacts.field", path: "$.contacts", matched: "(2 items)", entryIndex: 3, part: "body" }));
  });

  it("Luhn: the check digit decides", () => {
    expect(luhnValid("490154203237518")).toBe(true);
    expect(luhnValid("490154203237519")).toBe(false);
  });
});
