import type { Detection } from "@/lib/analyzer/detect/scan-request";
import { PATTERN_RULES } from "@/lib/analyzer/detect/pattern-rules";
import { knownValueNeedles, type DeviceProfile, type DeviceField, type KnownEncoding } from "@/lib/analyzer/detect/known-values";
import { maskValue } from "@/lib/analyzer/suggest";

// What the methodology appendix says about an analysis, worked out from its stored detections:
// every rule that fired, how often, and one place it fired (value masked). Pure.

export type FiredRule = {
  ruleId: string;
  category: string;
  description: string;
  looksFor: string;
  hits: number;
  example: { entryIndex: number; part: Detection["part"]; path: string; masked: string };
};

const FIELD_NAMES: Record<DeviceField, string> = {
  imei: "IMEI",
  androidId: "Android ID",
  advertisingId: "advertising ID",
  mac: "MAC address",
  phone: "phone number",
  email: "e-mail address",
  latitude: "latitude",
  longitude: "longitude",
};
const ENCODING_NAMES: Record<KnownEncoding, string> = { plain: "as written", "url-encoded": "URL-encoded", base64: "Base64", md5: "MD5 hex digest", sha1: "SHA-1 hex digest", sha256: "SHA-256 hex digest" };

export function describeRule(ruleId: string): { description: string; looksFor: string } {
  const known = /^known\.([A-Za-z]+)\.([a-z0-9-]+)$/.exec(ruleId);
  if (known && known[1]! in FIELD_NAMES) {
    const field = FIELD_NAMES[known[1] as DeviceField];
    const encoding = ENCODING_NAMES[known[2] as KnownEncoding] ?? known[2]!;
    return { description: `The matter's test device's own ${field}, ${encoding}.`, looksFor: `The exact text of that form of the recorded ${field} anywhere in the request.` };
  }
  const rule = PATTERN_RULES.find((r) => r.id === ruleId);
  if (!rule) return { description: "A rule of an earlier analyzer version (no longer defined).", looksFor: "—" };
  const looksFor = [
    rule.field ? `a field whose name matches /${rule.field.source}/${rule.field.flags}` : null,
    rule.value ? `a value matching /${rule.value.source}/${rule.value.flags}` : null,
    rule.check ? "that passes the rule's further check" : null,
    rule.parts ? `in the ${rule.parts.join(", ")}` : "in any part of the request",
  ]
    .filter(Boolean)
    .join("; ");
  return { description: rule.description, looksFor };
}

// Rules in id order, each with its hit count and its first hit (lowest entry, then path).
export function firedRules(detections: Iterable<Detection>): FiredRule[] {
  const byRule = new Map<string, { hits: number; first: Detection }>();
  for (const d of detections) {
    const held = byRule.get(d.ruleId);
    if (!held) byRule.set(d.ruleId, { hits: 1, first: d });
    else {
      held.hits++;
      if (d.entryIndex < held.first.entryIndex || (d.entryIndex === held.first.entryIndex && d.path < held.first.path)) held.first = d;
    }
  }
  return [...byRule]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ruleId, { hits, first }]) => ({
      ruleId,
      category: first.category,
      ...describeRule(ruleId),
      hits,
      example: { entryIndex: first.entryIndex, part: first.part, path: first.path, masked: maskValue(first.matched) },
    }));
}

// For each recorded test-device value: the value masked, and how many forms of it per encoding
// the analyzer searches for.
export function knownValueForms(profile: DeviceProfile): { field: string; masked: string; forms: string }[] {
  const needles = knownValueNeedles(profile);
  const out: { field: string; masked: string; forms: string }[] = [];
  for (const field of Object.keys(FIELD_NAMES) as DeviceField[]) {
    const raw = profile[field];
    if (raw === null || raw === undefined || raw === "") continue;
    const mine = needles.filter((n) => n.field === field);
    const counts = new Map<KnownEncoding, number>();
    for (const n of mine) counts.set(n.encoding, (counts.get(n.encoding) ?? 0) + 1);
    out.push({
      field: FIELD_NAMES[field],
      masked: maskValue(String(raw)),
      forms: [...counts].map(([e, n]) => `${ENCODING_NAMES[e]} (${n})`).join(", ") || "none (too short to search for)",
    });
  }
  return out;
}
