// Finds host names in the strings of a DEX file: the host of every URL (http, https, ws, wss, ftp),
// and bare host-like strings ("bugly.qq.com", "stat@umeng.com") whose registrable domain the caller
// recognises (a known public suffix). Java package and class names look like hosts ("android.app",
// "java.net", "com.google.android.gms.ads"), so a bare candidate must be lower case and must not
// start with a label that roots Java packages; "libjni.so" is a file, not Somalia.

export const MAX_HOSTS = 10_000;
// Hostnames are at most 253 characters; longer strings are still scanned, for the hosts inside them.
const MAX_HOST_LENGTH = 253;

// Every repetition is bounded, and a host must end at a delimiter: a megabyte of "http://http://…"
// costs a bounded amount of work per occurrence, not a scan to the end of the string for each.
const URL_HOST = /\b(?:https?|wss?|ftp):\/\/(?:[^\s/?#@"'<>]{0,256}@)?(\[[0-9a-f:.]{2,45}\]|[a-z0-9._%*-]{1,253})(?![a-z0-9._%*-])/gi;
// A bare candidate: labels of letters, digits and hyphens, a last label of letters, not inside a longer token.
const BARE_HOST = /(?<![\w.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,10}[a-z]{2,63})(?![\w-]|\.[\w-])/g;
const JAVA_ROOTS = new Set(["com", "org", "net", "android", "androidx", "java", "javax", "dalvik", "kotlin", "kotlinx", "sun", "io", "junit", "okhttp3", "retrofit2", "dagger"]);
// File names that end in a country-code TLD ("libjni.so", "setup.py", "readme.md"): two-label bare
// candidates with these endings are taken as files.
const FILE_ENDINGS = new Set(["so", "zip", "mov", "py", "sh", "pl", "md", "rs", "ps", "cc", "mp", "properties", "kt"]);

export function normaliseHost(host: string): string | null {
  // A wildcard ("*.umeng.com", as certificate-pinning lists write it) names the domain under it.
  const h = host.toLowerCase().replace(/\.$/, "").replace(/^\*\./, "");
  if (h.startsWith("[")) return null; // IPv6 literals name no organisation
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(h)) return h;
  if (h.length === 0 || h.length > MAX_HOST_LENGTH) return null;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(h)) return null;
  if (h.split(".").some((label) => label.length > 63 || label.startsWith("-") || label.endsWith("-"))) return null;
  return h;
}

export class HostCollector {
  private readonly found = new Map<string, string | null>();

  constructor(private readonly registrableDomain: (host: string) => string | null) {}

  scan(text: string): void {
    if (this.found.size >= MAX_HOSTS || text.indexOf(".") < 0) return;
    if (text.indexOf("*.") >= 0) text = text.replaceAll("*.", " ");
    if (text.indexOf("://") >= 0) {
      for (const match of text.matchAll(URL_HOST)) {
        const host = normaliseHost(match[1]!);
        // A URL's host is kept even when its suffix is unknown (an IP, an internal name).
        if (host) this.add(host, true);
      }
    }
    for (const match of text.matchAll(BARE_HOST)) {
      const candidate = match[1]!;
      const labels = candidate.split(".");
      if (JAVA_ROOTS.has(labels[0]!)) continue;
      if (labels.length === 2 && FILE_ENDINGS.has(labels[1]!)) continue;
      const host = normaliseHost(candidate);
      if (host) this.add(host, false);
    }
  }

  private add(host: string, fromUrl: boolean): void {
    if (this.found.has(host) || this.found.size >= MAX_HOSTS) return;
    const domain = /^\d/.test(host) && /^[\d.]+$/.test(host) ? null : this.registrableDomain(host);
    if (!fromUrl && domain === null) return;
    this.found.set(host, domain);
  }

  results(): { host: string; registrableDomain: string | null }[] {
    return [...this.found].map(([host, registrableDomain]) => ({ host, registrableDomain })).sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
  }
}
