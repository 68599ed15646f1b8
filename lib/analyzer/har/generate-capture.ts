import type { DeviceProfile } from "@/lib/analyzer/detect/known-values";

// Builds synthetic HAR captures for tests, the bench and the demo matter: an Android app talking
// to its own backend and to the SDK hosts of the Hong complaint, carrying a test device's values.
// Nothing here is real traffic; every value is made up (the IMEI passes the Luhn check on purpose).

export const DEMO_TEST_DEVICE = {
  imei: "861234567890127",
  androidId: "9774d56d682e549c",
  advertisingId: "38400000-8cf0-11bd-b23e-10b96e40000d",
  mac: "A4:50:46:12:34:56",
  phone: "+14155550123",
  email: "tester@proofline.test",
  latitude: 37.774929,
  longitude: -122.419416,
} as const satisfies DeviceProfile;

export type CaptureOptions = {
  device?: DeviceProfile;
  // How many requests; or, with targetBytes, as many as it takes to reach that size.
  entries?: number;
  targetBytes?: number;
  start?: Date;
  // Bytes of response body per entry (the bulk of real captures: JSON feeds, images).
  responseBytes?: number;
  offset?: string;
};

type Header = { name: string; value: string };
type Req = { method: string; url: string; headers?: Header[]; postData?: { mimeType: string; text?: string; params?: unknown[]; encoding?: string }; ip: string; status?: number };

const UA = "Dalvik/2.1.0 (Linux; U; Android 9; SM-G960F Build/PPR1.180610.011)";
const OKHTTP = "okhttp/3.10.0.1";

type CaptureDevice = { imei: string; androidId: string; advertisingId: string; mac: string; latitude: number; longitude: number };

function templates(d: CaptureDevice, n: number): Req[] {
  const { latitude: lat, longitude: lng } = d;
  const q = (o: Record<string, string | number>) => new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)])).toString();
  return [
    {
      method: "POST",
      url: "https://alog.umeng.com/app_logs",
      headers: [{ name: "User-Agent", value: UA }, { name: "Content-Type", value: "application/json" }],
      postData: {
        mimeType: "application/json",
        text: JSON.stringify({ header: { appkey: "5c1f0c7ab465f5b3a1000abc", imei: d.imei, android_id: d.androidId, mac: d.mac, device_model: "SM-G960F", os_version: "9", app_version: "10.3.3" }, body: { seq: n } }),
      },
      ip: "59.82.29.248",
    },
    {
      method: "POST",
      url: "https://android.bugly.qq.com/rqd/async?aid=5b4c1e2f-0001&p=1",
      headers: [{ name: "User-Agent", value: UA }, { name: "Content-Type", value: "application/x-www-form-urlencoded" }],
      postData: { mimeType: "application/x-www-form-urlencoded", text: q({ imei: d.imei, model: "SM-G960F", osVer: "9", androidId: d.androidId, crashCount: n % 3 }) },
      ip: "183.3.226.35",
    },
    {
      method: "GET",
      url: `https://api-va.tiktokv.com/aweme/v1/feed/?${q({ device_id: 6712345678901234567 + n, iid: 6712345678901299999, openudid: d.androidId, os_version: "9", device_type: "SM-G960F", app_version: "10.3.3", ac: "wifi" })}`,
      headers: [{ name: "User-Agent", value: `com.zhiliaoapp.musically/2019040312 (Linux; U; Android 9; en_US; SM-G960F; Build/PPR1.180610.011; Cronet/58.0.2991.0)` }],
      ip: "23.54.114.10",
    },
    {
      method: "POST",
      url: "https://sdk.open.igexin.com/api.php",
      headers: [{ name: "User-Agent", value: OKHTTP }, { name: "Content-Type", value: "application/octet-stream" }],
      postData: { mimeType: "application/octet-stream", text: Buffer.from(JSON.stringify({ action: "addphoneinfo", imei: d.imei, mac: d.mac, model: "SM-G960F" })).toString("base64"), encoding: "base64" },
      ip: "106.11.248.146",
    },
    {
      method: "GET",
      url: `https://api.tuisong.baidu.com/rest/3.0/app/bind?${q({ channel_id: 4567 + n, cuid: `${d.imei}|${d.androidId}` })}`,
      headers: [{ name: "User-Agent", value: UA }],
      ip: "180.101.49.12",
    },
    {
      method: "GET",
      url: `https://www.google-analytics.com/collect?${q({ v: 1, tid: "UA-000000-1", cid: "35009a79-1a05-49d7-b876-2b884d0f825b", t: "screenview", cd: "Feed" })}`,
      headers: [{ name: "User-Agent", value: UA }],
      ip: "216.58.194.174",
    },
    {
      method: "POST",
      url: "https://graph.facebook.com/v3.0/123456789/activities",
      headers: [{ name: "User-Agent", value: "FBAndroidSDK.4.38.1" }],
      postData: { mimeType: "application/x-www-form-urlencoded", params: [{ name: "advertiser_id", value: d.advertisingId }, { name: "event", value: "MOBILE_APP_INSTALL" }] },
      ip: "157.240.22.19",
    },
    {
      method: "POST",
      url: "https://log.byteoversea.com/service/2/app_log/",
      headers: [{ name: "User-Agent", value: OKHTTP }, { name: "Content-Type", value: "application/json; charset=utf-8" }],
      postData: { mimeType: "application/json", text: JSON.stringify({ event: "location", params: { lat: lat.toFixed(6), lng: lng.toFixed(6), url: "https://www.example.com/article/42" } }) },
      ip: "47.246.23.4",
    },
    {
      method: "POST",
      url: "https://api-va.tiktokv.com/aweme/v1/upload/video/",
      headers: [{ name: "User-Agent", value: OKHTTP }, { name: "Content-Type", value: "multipart/form-data; boundary=----b0undary" }],
      postData: {
        mimeType: "multipart/form-data; boundary=----b0undary",
        text: '------b0undary\r\nContent-Disposition: form-data; name="video"; filename="draft.mp4"\r\nContent-Type: video/mp4\r\n\r\n(binary omitted)\r\n------b0undary\r\nContent-Disposition: form-data; name="device"\r\n\r\n' + d.androidId + "\r\n------b0undary--\r\n",
      },
      ip: "23.54.114.10",
    },
    {
      method: "GET",
      url: "https://p16-va.tiktokcdn.com/obj/musically-maliva-obj/1600000000000000~c5_720x720.jpeg",
      headers: [{ name: "User-Agent", value: OKHTTP }],
      ip: "23.54.114.10",
    },
  ];
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function timestamp(at: Date, offset: string): string {
  const sign = offset.startsWith("-") ? -1 : 1;
  const [h, m] = offset.slice(1).split(":").map(Number) as [number, number];
  const local = new Date(at.getTime() + sign * (h * 60 + m) * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}.${String(local.getUTCMilliseconds()).padStart(3, "0")}${offset}`;
}

const FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. ";

// The capture as a sequence of text chunks (one per entry), so a 100 MB file streams to disk.
export function* generateCapture(options: CaptureOptions = {}): Generator<string> {
  const given = options.device ?? {};
  const device: CaptureDevice = {
    imei: given.imei ?? DEMO_TEST_DEVICE.imei,
    androidId: given.androidId ?? DEMO_TEST_DEVICE.androidId,
    advertisingId: given.advertisingId ?? DEMO_TEST_DEVICE.advertisingId,
    mac: given.mac ?? DEMO_TEST_DEVICE.mac,
    latitude: given.latitude ?? DEMO_TEST_DEVICE.latitude,
    longitude: given.longitude ?? DEMO_TEST_DEVICE.longitude,
  };
  const start = options.start ?? new Date("2019-04-03T02:15:00.000Z");
  const offset = options.offset ?? "+08:00";
  const responseBytes = options.responseBytes ?? 600;
  const filler = FILLER.repeat(Math.ceil(responseBytes / FILLER.length)).slice(0, responseBytes);
  yield `{"log":{"version":"1.2","creator":{"name":"Proofline capture generator","version":"1.0"},"browser":{"name":"Android app","version":"10.3.3"},"entries":[\n`;
  let written = 0;
  for (let i = 0; ; i++) {
    if (options.targetBytes !== undefined ? written >= options.targetBytes : i >= (options.entries ?? 20)) break;
    const list = templates(device, i);
    const t = list[i % list.length]!;
    const responseText = JSON.stringify({ status_code: 0, seq: i, data: filler });
    const entry = {
      startedDateTime: timestamp(new Date(start.getTime() + i * 1500), offset),
      time: 120,
      request: {
        method: t.method,
        url: t.url,
        httpVersion: "HTTP/1.1",
        cookies: [],
        headers: t.headers ?? [],
        queryString: [],
        ...(t.postData ? { postData: t.postData } : {}),
        headersSize: 420,
        bodySize: t.postData?.text?.length ?? 0,
      },
      response: {
        status: t.status ?? 200,
        statusText: "OK",
        httpVersion: "HTTP/1.1",
        cookies: [],
        headers: [{ name: "Content-Type", value: "application/json" }],
        content: { size: responseText.length, mimeType: "application/json", text: responseText },
        redirectURL: "",
        headersSize: 180,
        bodySize: responseText.length,
      },
      cache: {},
      timings: { send: 1, wait: 100, receive: 19 },
      serverIPAddress: t.ip,
    };
    const text = `${i === 0 ? "" : ",\n"}${JSON.stringify(entry)}`;
    written += text.length;
    yield text;
  }
  yield "\n]}}\n";
}

export function generateCaptureText(options: CaptureOptions = {}): string {
  return [...generateCapture(options)].join("");
}
