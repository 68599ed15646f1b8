// A stand-in for the knowledge base's registrable-domain function (tldts over the Public Suffix
// List) in tests and the bench: a handful of suffixes, enough to tell hosts from Java names.
const SUFFIXES = ["com.cn", "co.uk", "com", "cn", "net", "org", "io", "co", "app", "so", "ly", "me", "de"];

export function testRegistrableDomain(host: string): string | null {
  const h = host.toLowerCase();
  for (const suffix of SUFFIXES) {
    if (!h.endsWith(`.${suffix}`)) continue;
    const labels = h.slice(0, -(suffix.length + 1)).split(".");
    return `${labels.at(-1)}.${suffix}`;
  }
  return null;
}
