import type { DetectedCategory } from "@/lib/analyzer/categories";

// Where in a request a value was found.
export const REQUEST_PARTS = ["url", "query", "header", "cookie", "body"] as const;
export type RequestPart = (typeof REQUEST_PARTS)[number];

// A pattern rule fires on one field of a request when every condition it names holds: the field
// name, the whole value's shape, and an extra check. Rules are data: each has a stable id (kept in
// decisions and in the methodology appendix), and each is tested with a hit and a near miss.
export type PatternRule = {
  id: string;
  category: DetectedCategory;
  description: string;
  field?: RegExp;
  value?: RegExp;
  check?: (value: string) => boolean;
  // The part of the value that is the datum (group 1), when the value holds more (a User-Agent).
  extract?: RegExp;
  parts?: readonly RequestPart[];
  // Fires on an object or array under the field name as well (a contact list sent as an array).
  container?: boolean;
};

// Multipart parts, form parameters and whole bodies with a declared media type are presented to
// the rules as a field of this name whose value is that media type.
export const CONTENT_TYPE_FIELD = "(content-type)";

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const notRepeated = (value: string) => !/^(.)\1*$/.test(value.replace(/[-:]/g, ""));

// Four or more decimals is about 11 m or finer: a place, not a region.
const preciseDegrees = (max: number) => (value: string) => {
  const m = /^-?\d{1,3}\.(\d+)$/.exec(value.trim());
  return !!m && m[1]!.length >= 4 && Math.abs(Number(value)) <= max && Number(value) !== 0;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_HEADERS: readonly RequestPart[] = ["url", "query", "cookie", "body"];

export const PATTERN_RULES: readonly PatternRule[] = [
  {
    id: "imei.field",
    category: "IMEI",
    description: "A field named like an IMEI (imei, device_imei, meid) holding 14 to 16 digits.",
    field: /^(imei\d?|device_?imei|imei_?(no|num|number|code)|meid)$/i,
    value: /^\d{14,16}$/,
    check: notRepeated,
  },
  {
    id: "imei.luhn-value",
    category: "IMEI",
    description: "Any value of exactly 15 digits that passes the Luhn check, the shape of an IMEI.",
    value: /^\d{15}$/,
    check: (v) => notRepeated(v) && luhnValid(v),
  },
  {
    id: "android-id.field",
    category: "ANDROID_ID",
    description: "A field named android_id (or ssaid) holding 16 hexadecimal digits.",
    field: /^(android_?id|device_?android_?id|ssaid)$/i,
    value: /^[0-9a-f]{16}$/i,
    check: notRepeated,
  },
  {
    id: "advertising-id.field",
    category: "ADVERTISING_ID",
    description: "A field named like an advertising ID (idfa, gaid, adid, advertising_id, oaid) holding a UUID other than the all-zero opt-out value.",
    field: /^(idfa|gaid|adid|ad_?id|advertising_?id|advertiser_?id|google_?ad_?id|gps_?adid|aaid|oaid)$/i,
    value: UUID,
    check: notRepeated,
  },
  {
    id: "mac.value",
    category: "MAC_ADDRESS",
    description: "A value shaped like a MAC address (six hex pairs with : or -), other than Android's placeholder 02:00:00:00:00:00.",
    value: /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i,
    check: (v) => notRepeated(v) && v.replace(/-/g, ":").toLowerCase() !== "02:00:00:00:00:00",
  },
  {
    id: "mac.field",
    category: "MAC_ADDRESS",
    description: "A field named mac, mac_address, wifi_mac or bssid holding 12 hexadecimal digits.",
    field: /^(mac|mac_?addr(ess)?|wifi_?mac|bssid)$/i,
    value: /^[0-9a-f]{12}$/i,
    check: (v) => notRepeated(v) && v.toLowerCase() !== "020000000000",
  },
  {
    id: "device-model.field",
    category: "DEVICE_MODEL",
    description: "A field named like a device model (model, device_model, phone_model, device_type) holding a name with letters.",
    field: /^(model|device_?model|phone_?model|device_?type|hw_?model|dev_?model)$/i,
    value: /^(?=.*[A-Za-z]).{2,64}$/,
  },
  {
    id: "device-model.user-agent",
    category: "DEVICE_MODEL",
    description: "An Android User-Agent header naming the device model before “Build/”.",
    field: /^user-agent$/i,
    value: /Android [\d.]+;(?: [a-z]{2}[-_][a-z]{2};)? [^;)]+? Build\//i,
    extract: /Android [\d.]+;(?: [a-z]{2}[-_][a-z]{2};)? ([^;)]+?) Build\//i,
    parts: ["header"],
  },
  {
    id: "os-version.field",
    category: "OS_VERSION",
    description: "A field named like an OS version (os_version, osv, os_api, sdk_int, android_version) holding a version number.",
    field: /^(os_?version|osv|os_?ver|system_?version|android_?version|os_?api|sdk_?int|os_?release)$/i,
    value: /^\d{1,3}(\.\d{1,4}){0,3}$/,
  },
  {
    id: "os-version.user-agent",
    category: "OS_VERSION",
    description: "A User-Agent header naming the Android version (“Android 9”).",
    field: /^user-agent$/i,
    value: /\bAndroid \d{1,2}(\.\d+)*[;)]/,
    extract: /\bAndroid (\d{1,2}(?:\.\d+)*)[;)]/,
    parts: ["header"],
  },
  {
    id: "location.latitude-field",
    category: "PRECISE_LOCATION",
    description: "A field named lat or latitude holding degrees with four or more decimals (about 11 m).",
    field: /^(lat|latitude|gps_?lat|loc_?lat|user_?lat)$/i,
    check: preciseDegrees(90),
  },
  {
    id: "location.longitude-field",
    category: "PRECISE_LOCATION",
    description: "A field named lng, lon or longitude holding degrees with four or more decimals.",
    field: /^(lng|lon|long|longitude|gps_?lng|gps_?lon|loc_?lng|loc_?lon|user_?lng|user_?lon)$/i,
    check: preciseDegrees(180),
  },
  {
    id: "location.pair-value",
    category: "PRECISE_LOCATION",
    description: "A value “latitude,longitude” with four or more decimals each.",
    value: /^-?\d{1,2}\.\d{4,}\s*,\s*-?\d{1,3}\.\d{4,}$/,
  },
  {
    id: "browsing.url-field",
    category: "BROWSING_HISTORY",
    description: "A field named like a visited page (url, page_url, current_url, referrer, history, landing_url) holding an absolute http(s) URL, outside the request headers.",
    field: /^(url|page_?url|current_?url|visited_?url|web_?url|referr?er|ref_?url|history|link|open_?url|landing_?url|last_?url)$/i,
    value: /^https?:\/\/[^\s/]+\S*$/i,
    parts: NOT_HEADERS,
  },
  {
    id: "phone.field",
    category: "PHONE_NUMBER",
    description: "A field named like a phone number (phone, mobile, msisdn, tel, line1_number) holding 7 to 15 digits.",
    field: /^(phone|phone_?num(ber)?|mobile|mobile_?phone|msisdn|tel|telephone|line1_?number)$/i,
    value: /^\+?[\d\s().-]{7,22}$/,
    check: (v) => {
      const digits = v.replace(/\D/g, "");
      return digits.length >= 7 && digits.length <= 15 && notRepeated(digits);
    },
  },
  {
    id: "phone.e164-value",
    category: "PHONE_NUMBER",
    description: "Any value in international E.164 form (+ and 10 to 15 digits).",
    value: /^\+[1-9]\d{9,14}$/,
  },
  {
    id: "email.value",
    category: "EMAIL",
    description: "Any value that is an e-mail address with a domain and top-level domain.",
    value: /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}$/,
  },
  {
    id: "contacts.field",
    category: "CONTACTS",
    description: "A field named contacts, contact_list, address_book or phonebook with content (a value or a list).",
    field: /^(contacts?|contact_?list|address_?book|phone_?book|contacts_?list)$/i,
    value: /\S/,
    container: true,
  },
  {
    id: "media.upload",
    category: "MEDIA",
    description: "A body, form field or multipart part declared as an image, video or audio file.",
    field: new RegExp(`^${CONTENT_TYPE_FIELD.replace(/[()]/g, "\\$&")}$`),
    value: /^(image|video|audio)\/[\w.+-]+/i,
  },
];
