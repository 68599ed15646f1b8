import { registrableDomain } from "@/lib/analyzer/domains";
import type { SdkSignature } from "@/lib/analyzer/kb/sdk-signatures";
import type { TrackerCategory, TrackerDomainFact } from "@/lib/analyzer/kb/tracker-domains";

// Reads the Exodus Privacy tracker export (ODbL 1.0): {"trackers": {"<id>": {name, code_signature,
// network_signature, website, categories?}}}. code_signature is a "|"-separated list of Java
// package prefixes written as regexes ("com\.appsflyer\.", "com.umeng."); network_signature a
// "|"-separated list of host regexes ("\.appsflyer\.com", "^app-measurement\.com$"). Only what
// reads as a literal is taken: a package prefix of two or more parts and a hostname under a known
// public suffix; anything that is really a pattern (".*ads.*", "[0-9]+\.example") is reported and
// skipped, never guessed at. The rows become the EXODUS layer, which ours outrank.

export type ExodusProblem = { line: number; key: string; message: string };
export type ExodusResult = {
  trackers: number;
  domains: Omit<TrackerDomainFact, "layer">[];
  signatures: (SdkSignature & { source: string })[];
  problems: ExodusProblem[];
};

const JAVA_PREFIX = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

// Exodus' categories → ours. Exodus lists trackers only, so one without a category we know is
// counted as analytics (the README says so).
const CATEGORY: Record<string, TrackerCategory> = {
  advertisement: "ADS",
  ads: "ADS",
  analytics: "ANALYTICS",
  "crash reporting": "CRASH_REPORTING",
  identification: "ANALYTICS",
  location: "ANALYTICS",
  profiling: "ADS",
};

function categoryOf(categories: unknown): TrackerCategory {
  if (Array.isArray(categories)) {
    for (const c of categories) {
      const hit = typeof c === "string" ? CATEGORY[c.trim().toLowerCase()] : undefined;
      if (hit) return hit;
    }
  }
  return "ANALYTICS";
}

// "com\.appsflyer\." → com.appsflyer; null when a pattern remains.
export function literalPackagePrefix(signature: string): string | null {
  const s = signature.trim().replace(/^\^/, "").replace(/\\\./g, ".").replace(/\.$/, "");
  return JAVA_PREFIX.test(s) ? s : null;
}

// "\.appsflyer\.com", "^app-measurement\.com$", ".*\.umeng\.com" → the hostname; null when a
// pattern remains or the name is under no known public suffix.
export function literalHost(signature: string): string | null {
  const s = signature
    .trim()
    .toLowerCase()
    .replace(/^\^/, "")
    .replace(/\$$/, "")
    .replace(/^(\.\*|\.\+)/, "")
    .replace(/\\\./g, ".")
    .replace(/^\./, "")
    .replace(/\.$/, "");
  return HOST.test(s) && registrableDomain(s) ? s : null;
}

const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");

export function parseExodusExport(json: unknown): ExodusResult {
  const out: ExodusResult = { trackers: 0, domains: [], signatures: [], problems: [] };
  const trackers = (json as { trackers?: unknown } | null)?.trackers;
  if (!trackers || typeof trackers !== "object" || Array.isArray(trackers)) {
    out.problems.push({ line: 0, key: "trackers", message: 'Not an Exodus tracker export: no "trackers" object.' });
    return out;
  }
  const seenDomains = new Map<string, string>();
  const seenPrefixes = new Map<string, string>();
  for (const [id, raw] of Object.entries(trackers as Record<string, unknown>)) {
    out.trackers++;
    const line = out.trackers;
    const t = (raw ?? {}) as Record<string, unknown>;
    const name = str(t.name);
    if (name.length < 2) {
      out.problems.push({ line, key: `tracker ${id}`, message: "The tracker has no name; skipped." });
      continue;
    }
    const website = str(t.website);
    const source = `Exodus Privacy tracker #${id} (https://reports.exodus-privacy.eu.org/trackers/${encodeURIComponent(id)}/${website ? `; ${website}` : ""}), ODbL 1.0`;
    const category = categoryOf(t.categories);
    for (const part of str(t.code_signature).split("|").filter((p) => p.trim())) {
      const prefix = literalPackagePrefix(part);
      if (!prefix) {
        out.problems.push({ line, key: `${name}: code ${part.trim()}`, message: "Not a literal Java package prefix; skipped." });
      } else if (seenPrefixes.has(prefix)) {
        if (seenPrefixes.get(prefix) !== name) out.problems.push({ line, key: `${name}: code ${prefix}`, message: `Also claimed by ${seenPrefixes.get(prefix)}; the first kept.` });
      } else {
        seenPrefixes.set(prefix, name);
        out.signatures.push({ prefix, organisation: name, sdk: name, category, source });
      }
    }
    for (const part of str(t.network_signature).split("|").filter((p) => p.trim())) {
      const domain = literalHost(part);
      if (!domain) {
        out.problems.push({ line, key: `${name}: network ${part.trim()}`, message: "Not a literal hostname under a known public suffix; skipped." });
      } else if (seenDomains.has(domain)) {
        if (seenDomains.get(domain) !== name) out.problems.push({ line, key: `${name}: network ${domain}`, message: `Also claimed by ${seenDomains.get(domain)}; the first kept.` });
      } else {
        seenDomains.set(domain, name);
        out.domains.push({ domain, organisation: name, parent: null, country: null, category, source, checkedOn: null });
      }
    }
  }
  return out;
}
