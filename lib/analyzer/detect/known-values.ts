import { createHash } from "node:crypto";
import type { DetectedCategory } from "@/lib/analyzer/categories";

// A test device's own values. A request that carries one of them, in any of the forms below,
// shows that value leaving the phone: the strongest evidence the analyzer gives.
export type DeviceProfile = {
  imei?: string | null;
  androidId?: string | null;
  advertisingId?: string | null;
  mac?: string | null;
  phone?: string | null;
  email?: string | null;
  latitude?: number | null;
  longitude?: number | null;
};

export type DeviceField = keyof DeviceProfile;

const FIELD_CATEGORY: Record<DeviceField, DetectedCategory> = {
  imei: "IMEI",
  androidId: "ANDROID_ID",
  advertisingId: "ADVERTISING_ID",
  mac: "MAC_ADDRESS",
  phone: "PHONE_NUMBER",
  email: "EMAIL",
  latitude: "PRECISE_LOCATION",
  longitude: "PRECISE_LOCATION",
};

// How a value was written. The rule id of a known-value hit is `known.<field>.<encoding>`.
export const KNOWN_ENCODINGS = ["plain", "url-encoded", "base64", "md5", "sha1", "sha256"] as const;
export type KnownEncoding = (typeof KNOWN_ENCODINGS)[number];

export type KnownNeedle = { text: string; field: DeviceField; category: DetectedCategory; encoding: KnownEncoding; ruleId: string };

// Shorter needles would match by chance inside unrelated values.
const MIN_NEEDLE = 6;

function spellings(field: DeviceField, raw: string): string[] {
  const value = raw.trim();
  if (!value) return [];
  if (field === "mac") {
    const hex = value.replace(/[^0-9a-f]/gi, "");
    if (hex.length !== 12) return [value];
    const pairs = hex.match(/../g)!;
    const forms = [pairs.join(":"), pairs.join("-"), hex];
    return forms.flatMap((f) => [f.toLowerCase(), f.toUpperCase()]);
  }
  if (field === "phone") {
    const digits = value.replace(/\D/g, "");
    const forms = new Set([value, digits, value.startsWith("+") ? `+${digits}` : digits]);
    // A national number without its country code, as apps often send it (US/CN: +1 / +86).
    if (/^\+?(1)\d{10}$/.test(value.replace(/[\s().-]/g, ""))) forms.add(digits.slice(1));
    if (/^\+?86\d{11}$/.test(value.replace(/[\s().-]/g, ""))) forms.add(digits.slice(2));
    return [...forms];
  }
  if (field === "email") return [...new Set([value, value.toLowerCase()])];
  return [...new Set([value, value.toLowerCase(), value.toUpperCase()])];
}

// Coordinates are matched on their first four decimals (about 11 m), truncated, so a request that
// carries more digits still matches and one that carries fewer does not.
function coordinateText(value: number): string {
  const [whole, decimals = ""] = String(value).split(".");
  return decimals.length >= 4 ? `${whole}.${decimals.slice(0, 4)}` : "";
}

function hexDigests(text: string): [KnownEncoding, string][] {
  const out: [KnownEncoding, string][] = [];
  for (const algorithm of ["md5", "sha1", "sha256"] as const) {
    const hex = createHash(algorithm).update(text, "utf8").digest("hex");
    out.push([algorithm, hex], [algorithm, hex.toUpperCase()]);
  }
  return out;
}

export function knownValueNeedles(profile: DeviceProfile): KnownNeedle[] {
  const needles = new Map<string, KnownNeedle>();
  const add = (field: DeviceField, encoding: KnownEncoding, text: string) => {
    if (text.length < MIN_NEEDLE || needles.has(text)) return;
    needles.set(text, { text, field, category: FIELD_CATEGORY[field], encoding, ruleId: `known.${field}.${encoding}` });
  };
  for (const field of Object.keys(FIELD_CATEGORY) as DeviceField[]) {
    const raw = profile[field];
    if (raw === null || raw === undefined || raw === "") continue;
    if (field === "latitude" || field === "longitude") {
      const text = coordinateText(Number(raw));
      if (text) add(field, "plain", text);
      continue;
    }
    for (const form of spellings(field, String(raw))) {
      add(field, "plain", form);
      const encoded = encodeURIComponent(form);
      if (encoded !== form) {
        add(field, "url-encoded", encoded);
        add(field, "url-encoded", encoded.replace(/%[0-9A-F]{2}/g, (s) => s.toLowerCase()));
      }
      const base64 = Buffer.from(form, "utf8").toString("base64");
      add(field, "base64", base64);
      add(field, "base64", base64.replace(/=+$/, ""));
      add(field, "base64", base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
      for (const [encoding, hex] of hexDigests(form)) add(field, encoding, hex);
    }
  }
  return [...needles.values()];
}

export type KnownHit = { needle: KnownNeedle; index: number };

// Finds every needle in a text with one regular expression: the alternation is tried longest
// first, so a SHA-256 is reported as such and not as the MD5 it cannot contain.
export class KnownValueMatcher {
  private readonly pattern: RegExp | null;
  private readonly byText: Map<string, KnownNeedle>;
  private readonly shortest: number;

  constructor(readonly needles: readonly KnownNeedle[]) {
    this.byText = new Map(needles.map((n) => [n.text, n]));
    const sorted = [...needles].sort((a, b) => b.text.length - a.text.length);
    this.pattern = sorted.length ? new RegExp(sorted.map((n) => n.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g") : null;
    this.shortest = sorted.length ? sorted[sorted.length - 1]!.text.length : Infinity;
  }

  get empty(): boolean {
    return this.pattern === null;
  }

  find(text: string, limit = 20): KnownHit[] {
    if (!this.pattern || text.length < this.shortest) return [];
    const hits: KnownHit[] = [];
    this.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = this.pattern.exec(text)) && hits.length < limit) hits.push({ needle: this.byText.get(m[0])!, index: m.index });
    return hits;
  }
}
