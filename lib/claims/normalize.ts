// Normal forms used to spot the same person or household behind differently typed claims.

// Providers that ignore dots in the local part; all of these also ignore "+tag".
const DOT_BLIND = new Set(["gmail.com", "googlemail.com"]);
const PLUS_TAGS = new Set(["gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "icloud.com", "me.com", "yahoo.com", "proton.me", "protonmail.com", "fastmail.com"]);
const DOMAIN_ALIAS: Record<string, string> = { "googlemail.com": "gmail.com" };

export function normalizeEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at < 0) return lower;
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1);
  if (PLUS_TAGS.has(domain)) local = local.split("+")[0]!;
  if (DOT_BLIND.has(domain)) local = local.replaceAll(".", "");
  domain = DOMAIN_ALIAS[domain] ?? domain;
  return `${local}@${domain}`;
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

// US numbers: digits only, a leading country code 1 dropped. Null when too short to compare.
export function normalizePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let digits = phone.replace(/\D/g, "");
  if (digits.length === 11 && digits.startsWith("1")) digits = digits.slice(1);
  return digits.length >= 7 ? digits : null;
}

const STREET_WORDS: Record<string, string> = {
  street: "st", avenue: "ave", av: "ave", road: "rd", boulevard: "blvd", drive: "dr", lane: "ln",
  court: "ct", place: "pl", terrace: "ter", highway: "hwy", parkway: "pkwy", circle: "cir", square: "sq",
  north: "n", south: "s", east: "e", west: "w", northeast: "ne", northwest: "nw", southeast: "se", southwest: "sw",
  // Unit designators carry no information once the unit number follows them.
  apartment: "", apt: "", suite: "", ste: "", unit: "", number: "", no: "", "#": "",
};

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/#/g, " # ")
    .replace(/[.,]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => STREET_WORDS[w] ?? w)
    .filter(Boolean);
}

// "123 Main Street, Apt. 4" and "123 MAIN ST #4" in the same ZIP are one household.
export function normalizeAddress(a: { addressLine1: string; addressLine2?: string | null; zip: string; state: string }): string {
  const line = [...words(a.addressLine1), ...words(a.addressLine2 ?? "")];
  return `${line.join(" ")}|${a.zip.slice(0, 5)}|${a.state.toUpperCase()}`;
}

// IPv4 /24 or IPv6 /48: one home or office network.
export function ipPrefix(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const v4 = ip.replace(/^::ffff:/, "");
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v4)) return v4.split(".").slice(0, 3).join(".");
  if (ip.includes(":")) return ip.toLowerCase().split(":").slice(0, 3).join(":");
  return null;
}
