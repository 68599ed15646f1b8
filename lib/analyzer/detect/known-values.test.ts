import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { KnownValueMatcher, knownValueNeedles } from "@/lib/analyzer/detect/known-values";
import { scanRequest } from "@/lib/analyzer/detect/scan-request";

const DEVICE = { imei: "861234567890127", androidId: "9774d56d682e549c", mac: "A4:50:46:12:34:56", email: "tester@proofline.test", latitude: 37.774929 };
const matcher = new KnownValueMatcher(knownValueNeedles(DEVICE));
const hex = (algorithm: string, text: string) => createHash(algorithm).update(text).digest("hex");

describe("known values of the test device", () => {
  const variants: [string, string, string][] = [
    ["plain", "861234567890127", "known.imei.plain"],
    ["upper-case plain hex", "9774D56D682E549C", "known.androidId.plain"],
    ["URL-encoded", "tester%40proofline.test", "known.email.url-encoded"],
    ["URL-encoded, lower-case escapes", "a4%3a50%3a46%3a12%3a34%3a56", "known.mac.url-encoded"],
    ["MAC without separators", "a45046123456", "known.mac.plain"],
    ["base64", Buffer.from("861234567890127").toString("base64"), "known.imei.base64"],
    ["base64 url-safe, unpadded", Buffer.from("tester@proofline.test").toString("base64url"), "known.email.base64"],
    ["MD5 lower", hex("md5", "861234567890127"), "known.imei.md5"],
    ["MD5 upper", hex("md5", "9774d56d682e549c").toUpperCase(), "known.androidId.md5"],
    ["SHA-1", hex("sha1", "861234567890127"), "known.imei.sha1"],
    ["SHA-256 upper", hex("sha256", "a4:50:46:12:34:56").toUpperCase(), "known.mac.sha256"],
    ["coordinates with more decimals", "37.77492911", "known.latitude.plain"],
  ];
  for (const [label, text, ruleId] of variants) {
    it(`finds the ${label} form inside a longer value`, () => {
      const hits = matcher.find(`x=${text};y=1`);
      expect(hits.map((h) => h.needle.ruleId)).toContain(ruleId);
    });
  }

  it("a value one digit off is a near miss, in every form", () => {
    const near = "861234567890128";
    for (const text of [near, Buffer.from(near).toString("base64"), hex("md5", near), hex("sha256", near).toUpperCase()]) {
      expect(matcher.find(text)).toEqual([]);
    }
    // Fewer decimals than the needle: a region, not the test phone's place.
    expect(matcher.find("37.774")).toEqual([]);
  });

  it("records where a known value was found in a request", () => {
    const { detections } = scanRequest(
      7,
      {
        method: "POST",
        url: "https://alog.umeng.com/app_logs?h=" + hex("md5", "861234567890127"),
        headers: [{ name: "X-Device", value: "9774d56d682e549c" }],
        cookies: [{ name: "mac", value: "A4%3A50%3A46%3A12%3A34%3A56" }],
        postData: { mimeType: "application/json", text: JSON.stringify({ header: { dev: { e: "tester@proofline.test" } } }) },
      },
      matcher,
    );
    const known = detections.filter((d) => d.mode === "known").map(({ part, path, ruleId }) => ({ part, path, ruleId }));
    expect(known).toEqual(
      expect.arrayContaining([
        { part: "query", path: "h", ruleId: "known.imei.md5" },
        { part: "header", path: "X-Device", ruleId: "known.androidId.plain" },
        { part: "cookie", path: "mac", ruleId: "known.mac.url-encoded" },
        { part: "body", path: "$.header.dev.e", ruleId: "known.email.plain" },
      ]),
    );
    expect(detections.every((d) => d.entryIndex === 7)).toBe(true);
  });

  it("an empty profile matches nothing", () => {
    expect(new KnownValueMatcher(knownValueNeedles({})).find("861234567890127")).toEqual([]);
  });
});
