import { getHostname, parse } from "tldts";

// Registrable domain ("eTLD+1") by the Public Suffix List as tldts ships it: bugly.qq.com → qq.com,
// a.b.example.co.uk → example.co.uk. IP addresses and bare suffixes have none (null). Private
// suffixes (appspot.com, …) are not treated as public: a tenant of a cloud host is the cloud's
// customer, and matching on the cloud's own domain would merge unrelated parties. A name whose
// suffix is not on the list at all ("api.php", "router.lan") has none either.
export function registrableDomain(host: string): string | null {
  const clean = normaliseHost(host);
  if (!clean) return null;
  const parsed = parse(clean, { allowPrivateDomains: false });
  return parsed.isIcann ? (parsed.domain ?? null) : null;
}

// Lower-cased host without a trailing dot or port; "" when the input holds no host.
export function normaliseHost(host: string): string {
  const trimmed = host.trim().toLowerCase().replace(/\.$/, "");
  if (/^\[[0-9a-f:.]+\]$/.test(trimmed)) return trimmed.slice(1, -1);
  return trimmed.replace(/:\d+$/, "");
}

// The host of a URL as written in a capture (tolerates what new URL() refuses, e.g. spaces).
export function hostOfUrl(url: string): string {
  try {
    return normaliseHost(new URL(url).hostname.replace(/^\[|\]$/g, ""));
  } catch {
    return normaliseHost(getHostname(url) ?? "");
  }
}

// Every host suffix of `host`, longest first, down to its registrable domain (or the whole host
// when it has none): a.b.qq.com → a.b.qq.com, b.qq.com, qq.com.
export function hostSuffixes(host: string): string[] {
  const clean = normaliseHost(host);
  const floor = registrableDomain(clean);
  if (!floor) return clean ? [clean] : [];
  const out: string[] = [];
  let rest = clean;
  while (rest.length >= floor.length) {
    out.push(rest);
    if (rest === floor) break;
    const dot = rest.indexOf(".");
    if (dot < 0) break;
    rest = rest.slice(dot + 1);
  }
  return out;
}
