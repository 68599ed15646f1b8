import type { DataCategoryValue } from "@/lib/schemas/allegation";

// The detection vocabulary: what the analyzer can say a request carried. The CLI prints these
// names and observations store them; allegations speak the coarser DataCategory vocabulary, and
// ALLEGATION_CATEGORY below is the one table that ties the two together for matching.
export const DETECTED_CATEGORIES = [
  "IMEI",
  "ANDROID_ID",
  "ADVERTISING_ID",
  "MAC_ADDRESS",
  "DEVICE_MODEL",
  "OS_VERSION",
  "PRECISE_LOCATION",
  "BROWSING_HISTORY",
  "PHONE_NUMBER",
  "EMAIL",
  "CONTACTS",
  "MEDIA",
] as const;

export type DetectedCategory = (typeof DETECTED_CATEGORIES)[number];

export const DETECTED_CATEGORY_LABELS: Record<DetectedCategory, string> = {
  IMEI: "IMEI",
  ANDROID_ID: "Android ID",
  ADVERTISING_ID: "advertising ID",
  MAC_ADDRESS: "MAC address",
  DEVICE_MODEL: "device model",
  OS_VERSION: "OS version",
  PRECISE_LOCATION: "precise location",
  BROWSING_HISTORY: "visited URLs",
  PHONE_NUMBER: "phone number",
  EMAIL: "e-mail address",
  CONTACTS: "contacts",
  MEDIA: "media upload",
};

// Detection name → the allegation's data category it evidences.
export const ALLEGATION_CATEGORY: Record<DetectedCategory, DataCategoryValue> = {
  IMEI: "DEVICE_IDENTIFIERS",
  ANDROID_ID: "DEVICE_IDENTIFIERS",
  ADVERTISING_ID: "DEVICE_IDENTIFIERS",
  MAC_ADDRESS: "DEVICE_IDENTIFIERS",
  DEVICE_MODEL: "HARDWARE_INFO",
  OS_VERSION: "HARDWARE_INFO",
  PRECISE_LOCATION: "LOCATION",
  BROWSING_HISTORY: "BROWSING_HISTORY",
  PHONE_NUMBER: "ACCOUNT_IDENTIFIERS",
  EMAIL: "ACCOUNT_IDENTIFIERS",
  CONTACTS: "CONTACTS",
  MEDIA: "VIDEO_CONTENT",
};

export function isDetectedCategory(value: string): value is DetectedCategory {
  return (DETECTED_CATEGORIES as readonly string[]).includes(value);
}

// "IMEI, Android ID" for a label or a table cell; an empty list says so rather than showing nothing.
export function describeDetectedCategories(categories: readonly DetectedCategory[]): string {
  return categories.length === 0 ? "nothing detected" : categories.map((c) => DETECTED_CATEGORY_LABELS[c]).join(", ");
}
