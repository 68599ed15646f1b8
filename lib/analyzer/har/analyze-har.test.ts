import { deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { analyzeHar, HarFormatError, type HarObservation } from "@/lib/analyzer/har/analyze-har";
import { DEMO_TEST_DEVICE, generateCaptureText } from "@/lib/analyzer/har/generate-capture";
import { parseHarTime } from "@/lib/analyzer/har/har-time";
import { curatedKnowledgeBase } from "@/lib/analyzer/kb/knowledge-base";

const kb = curatedKnowledgeBase();

async function* chunks(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function run(input: string | Buffer, chunkSize = 64 * 1024, limits = {}) {
  const observations: HarObservation[] = [];
  const bytes = typeof input === "string" ? Buffer.from(input) : input;
  const intake = await analyzeHar(chunks(bytes, chunkSize), { kb, device: DEMO_TEST_DEVICE, onObservation: (o) => void observations.push(o), limits });
  return { intake, observations };
}

async function failure(input: string | Buffer, limits = {}): Promise<HarFormatError> {
  const error = await run(input, 64 * 1024, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HarFormatError);
  return error as HarFormatError;
}

const entry = (over: Record<string, unknown> = {}, request: Record<string, unknown> = {}) => ({
  startedDateTime: "2019-04-03T10:15:00.123+08:00",
  time: 1,
  request: { method: "GET", url: "https://alog.umeng.com/app_logs?imei=861234567890127", httpVersion: "HTTP/1.1", headers: [], cookies: [], queryString: [], headersSize: -1, bodySize: 0, ...request },
  response: { status: 200, statusText: "OK", httpVersion: "HTTP/1.1", headers: [], cookies: [], content: { size: 0, mimeType: "text/plain" }, redirectURL: "", headersSize: -1, bodySize: 0 },
  cache: {},
  timings: { send: 0, wait: 1, receive: 0 },
  ...over,
});
const har = (entries: unknown[], log: Record<string, unknown> = {}) => JSON.stringify({ log: { version: "1.2", creator: { name: "mitmproxy", version: "4.0.4" }, ...log, entries } });

describe("HAR analysis", () => {
  it("turns each request into an observation with its destination, categories and traces", async () => {
    const { intake, observations } = await run(generateCaptureText({ entries: 10 }));
    expect(intake).toMatchObject({ entryCount: 10, observationCount: 10, harVersion: "1.2", creatorName: "Proofline capture generator", timeZones: ["+08:00"], appVersion: "10.3.3", device: "SM-G960F" });
    expect(intake.firstRequestAt?.toISOString()).toBe("2019-04-03T02:15:00.000Z");
    expect(intake.sha256).toMatch(/^[0-9a-f]{64}$/);
    const umeng = observations.find((o) => o.host === "alog.umeng.com")!;
    expect(umeng).toMatchObject({ registrableDomain: "umeng.com", organisation: "Umeng", parent: "Alibaba Group", country: "CN", trackerCategory: "ANALYTICS", method: "POST", status: 200 });
    expect(umeng.dataCategories).toEqual(expect.arrayContaining(["IMEI", "ANDROID_ID", "MAC_ADDRESS"]));
    expect(umeng.detections).toContainEqual(expect.objectContaining({ part: "body", path: "$.header.imei", ruleId: "known.imei.plain", matched: "861234567890127", mode: "known" }));
    const bugly = observations.find((o) => o.host === "android.bugly.qq.com")!;
    expect(bugly).toMatchObject({ registrableDomain: "qq.com", organisation: "Tencent Bugly", kbDomain: "android.bugly.qq.com" });
    expect(bugly.detections).toContainEqual(expect.objectContaining({ part: "body", path: "imei", ruleId: "known.imei.plain" }));
  });

  it("gives the same result whatever the chunk boundaries (down to one byte)", async () => {
    const text = har([entry({}, { url: 'https://x.example/?q=a\\"b\\\\', headers: [{ name: "n", value: 'va\\\\"l}]ue' }] }), entry()]);
    const whole = await run(text);
    for (const size of [1, 2, 3, 7]) {
      const split = await run(text, size);
      expect(split.observations.map((o) => o.url)).toEqual(whole.observations.map((o) => o.url));
      expect(split.intake.sha256).toBe(whole.intake.sha256);
    }
  });

  it("reports the caller's verified SHA-256 instead of hashing again, and finds the same", async () => {
    const text = generateCaptureText({ entries: 12 });
    const hashed = await run(text);
    const observations: HarObservation[] = [];
    const verified = "ab".repeat(32);
    const intake = await analyzeHar(chunks(Buffer.from(text), 4096), { kb, device: DEMO_TEST_DEVICE, onObservation: (o) => void observations.push(o), verifiedSha256: verified });
    expect(intake.sha256).toBe(verified);
    expect({ ...intake, sha256: null }).toEqual({ ...hashed.intake, sha256: null });
    // Hosts and addresses are resolved once per capture; every repeat carries the same facts.
    expect(observations).toEqual(hashed.observations);
  });

  it("reads a .zhar (zlib) and a gzip capture like the plain file, hashing the bytes as stored", async () => {
    const text = generateCaptureText({ entries: 5 });
    const plain = await run(text);
    const zhar = await run(deflateSync(Buffer.from(text)), 100);
    const gz = await run(gzipSync(Buffer.from(text)));
    expect(zhar.observations.map((o) => o.dataCategories)).toEqual(plain.observations.map((o) => o.dataCategories));
    expect(gz.intake.entryCount).toBe(5);
    expect(zhar.intake.compressed).toBe(true);
    expect(zhar.intake.sha256).not.toBe(plain.intake.sha256);
  });

  it("decodes base64 bodies and form bodies", async () => {
    const body = Buffer.from(JSON.stringify({ d: { android_id: "9774d56d682e549c" } })).toString("base64");
    const { observations } = await run(
      har([
        entry({}, { method: "POST", url: "https://sdk.open.igexin.com/api.php", postData: { mimeType: "application/octet-stream", text: body, encoding: "base64" } }),
        entry({}, { method: "POST", url: "https://sdk.open.igexin.com/api.php", postData: { mimeType: "application/octet-stream", text: body } }),
        entry({}, { method: "POST", url: "https://android.bugly.qq.com/rqd", postData: { mimeType: "application/x-www-form-urlencoded", text: "lat=37.774929&lng=-122.419416&model=SM-G960F" } }),
      ]),
    );
    for (const o of observations.slice(0, 2)) {
      expect(o.detections).toContainEqual(expect.objectContaining({ path: "$ (base64) > $.d.android_id", ruleId: "android-id.field" }));
    }
    expect(observations[2]!.dataCategories).toEqual(["DEVICE_MODEL", "PRECISE_LOCATION"]);
    expect(observations[2]!.detections).toContainEqual(expect.objectContaining({ path: "lat", ruleId: "known.latitude.plain" }));
  });

  it("tolerates the timestamp formats tools write", () => {
    const cases: [string, string, string | null][] = [
      ["2019-04-03T10:15:00.123+08:00", "2019-04-03T02:15:00.123Z", "+08:00"],
      ["2019-04-03T10:15:00+0800", "2019-04-03T02:15:00.000Z", "+08:00"],
      ["2019-04-03T02:15:00Z", "2019-04-03T02:15:00.000Z", "Z"],
      ["2019-04-03 02:15:00.123456-07:00", "2019-04-03T09:15:00.123Z", "-07:00"],
      ["2019-04-03T02:15:00.5", "2019-04-03T02:15:00.500Z", null],
      ["2019-04-03T02:15+05:30", "2019-04-02T20:45:00.000Z", "+05:30"],
    ];
    for (const [text, iso, zone] of cases) expect(parseHarTime(text), text).toEqual({ at: new Date(iso), zone });
    for (const bad of ["2019-02-30T00:00:00Z", "yesterday", "2019-04-03", 1554258900000]) expect(parseHarTime(bad)).toBeNull();
  });

  it("records the time zones and the span of a capture with mixed offsets", async () => {
    const { intake } = await run(har([entry({ startedDateTime: "2019-04-03T10:15:00+08:00" }), entry({ startedDateTime: "2019-04-02T20:00:00Z" })]));
    expect(intake.timeZones).toEqual(["+08:00", "Z"]);
    expect(intake.firstRequestAt?.toISOString()).toBe("2019-04-02T20:00:00.000Z");
    expect(intake.lastRequestAt?.toISOString()).toBe("2019-04-03T02:15:00.000Z");
  });

  it("skips requests that are not HTTP (data: URLs) but counts them as entries", async () => {
    const { intake } = await run(har([entry({}, { url: "data:image/png;base64,AAAA" }), entry()]));
    expect(intake).toMatchObject({ entryCount: 2, observationCount: 1 });
  });

  it("marks a body past the cap as truncated and still finds the test device's values in it", async () => {
    const text = `${"x".repeat(2000)}imei=861234567890127${"y".repeat(2000)}`;
    const { observations } = await run(har([entry({}, { method: "POST", postData: { mimeType: "text/plain", text } })]), 64 * 1024, { maxBodyChars: 1000 });
    expect(observations[0]!.truncated).toBe(true);
    expect(observations[0]!.detections.filter((d) => d.part === "body").map((d) => d.ruleId)).toEqual(["known.imei.plain"]);
  });

  it("walks a deeply nested body only to a fixed depth, without exhausting the stack", async () => {
    const deep = `${"[".repeat(200_000)}"861234567890127"${"]".repeat(200_000)}`;
    const { observations } = await run(har([entry({}, { method: "POST", url: "https://x.example/", postData: { mimeType: "application/json", text: deep } })]));
    expect(observations[0]!.detections).toEqual([]);
  });

  describe("refuses what is not a well-formed HAR, with the reason", () => {
    const cases: [string, string | Buffer, HarFormatError["problem"], RegExp][] = [
      ["empty file", "", "BAD_JSON", /empty/],
      ["not JSON", "hello", "BAD_JSON", /not JSON/],
      ["JSON array", "[1,2]", "NOT_HAR", /array/],
      ["object without log", '{"foo":{"entries":[]}}', "NOT_HAR", /no "log"/],
      ["log without entries", '{"log":{"version":"1.2"}}', "NOT_HAR", /no "entries"/],
      ["entries not an array", '{"log":{"entries":{}}}', "NOT_HAR", /not an array/],
      ["entry not an object", '{"log":{"entries":[1]}}', "NOT_HAR", /entry 0/i],
      ["truncated inside entries", har([entry(), entry()]).slice(0, -40), "TRUNCATED", /after 1 complete entry/],
      ["truncated after entries", har([entry()]).slice(0, -1), "TRUNCATED", /closing brace/],
      ["broken JSON inside an entry", '{"log":{"entries":[{"request": {"method": "GET",, }}]}}', "BAD_JSON", /Entry 0.*not valid JSON/],
      ["missing comma between entries", `{"log":{"entries":[${JSON.stringify(entry())} ${JSON.stringify(entry())}]}}`, "BAD_JSON", /between entries/],
      ["garbage after the HAR", `${har([entry()])} x`, "BAD_JSON", /after the end/],
      ["entry without request URL", har([entry({}, { url: undefined })]), "NOT_HAR", /method or URL/],
      ["entry with a bad time", har([entry({ startedDateTime: "last tuesday" })]), "NOT_HAR", /not a date/],
      ["unknown HAR version", har([entry()], { version: "2.0" }), "NOT_HAR", /version "2.0"/],
      ["truncated .zhar", deflateSync(Buffer.from(har([entry(), entry()]))).subarray(0, 60), "TRUNCATED", /compressed capture/],
    ];
    for (const [label, input, problem, message] of cases) {
      it(label, async () => {
        const error = await failure(input);
        expect(error.problem).toBe(problem);
        expect(error.message).toMatch(message);
      });
    }

    it("an entry past the per-entry cap (a 100 MB single string, scaled down)", async () => {
      const error = await failure(har([entry({}, { url: `https://x.example/?${"a".repeat(5000)}` })]), { maxEntryBytes: 4096 });
      expect(error.problem).toBe("TOO_LARGE");
      expect(error.message).toMatch(/Entry 0 .* larger than/);
    });
  });
});
