import { createHash } from "node:crypto";
import { hostSuffixes, normaliseHost, registrableDomain } from "@/lib/analyzer/domains";
import { SDK_SIGNATURES, type SdkSignature } from "@/lib/analyzer/kb/sdk-signatures";
import { CURATED_TRACKER_DOMAINS, type KbLayer, type TrackerCategory, type TrackerDomainFact } from "@/lib/analyzer/kb/tracker-domains";

// A matter's own correction outranks every global layer; among global rows ours win, then an
// imported CSV, then the Exodus Privacy layer.
export type KbFact = TrackerDomainFact & { matterLocal?: boolean };

const LAYER_RANK: Record<KbLayer, number> = { OURS: 1, IMPORTED_CSV: 2, EXODUS: 3 };
const rank = (fact: KbFact) => (fact.matterLocal ? 0 : LAYER_RANK[fact.layer]);

export type DomainMatch = {
  // The suffix that matched (may be longer than the registrable domain: bugly.qq.com).
  domain: string;
  organisation: string;
  parent: string | null;
  country: string | null;
  category: TrackerCategory;
  source: string;
  // When a person confirmed the row against its source (YYYY-MM-DD), or null.
  checkedOn?: string | null;
  layer: KbLayer;
};

export class KnowledgeBase {
  readonly version: string;
  private readonly bySuffix = new Map<string, KbFact>();

  constructor(
    facts: readonly KbFact[],
    readonly signatures: readonly SdkSignature[] = SDK_SIGNATURES,
  ) {
    for (const fact of facts) {
      const domain = normaliseHost(fact.domain);
      const held = this.bySuffix.get(domain);
      if (!held || rank(fact) < rank(held)) this.bySuffix.set(domain, { ...fact, domain });
    }
    // The version names the exact facts in force, so an analysis records which KB it used and a
    // changed KB makes a new analysis rather than silently changing an old one.
    const canonical = JSON.stringify({
      facts: [...this.bySuffix.values()]
        .sort((a, b) => a.domain.localeCompare(b.domain))
        .map((f) => [f.domain, f.organisation, f.parent, f.country, f.category, f.source, f.checkedOn, f.layer, !!f.matterLocal]),
      // A signature's category and non-OURS layer are named only when set, so the curated KB keeps
      // the version it had before stored signatures existed.
      signatures: [...signatures]
        .sort((a, b) => a.prefix.localeCompare(b.prefix))
        .map((s) => [s.prefix, s.organisation, s.sdk, ...(s.category ? [s.category] : []), ...(s.layer && s.layer !== "OURS" ? [s.layer] : [])]),
    });
    this.version = `kb-${createHash("sha256").update(canonical).digest("hex").slice(0, 12)}`;
  }

  // The most specific fact covering `host`: the longest matching suffix, then the best layer.
  lookup(host: string): DomainMatch | null {
    for (const suffix of hostSuffixes(host)) {
      const fact = this.bySuffix.get(suffix);
      if (fact) {
        return { domain: fact.domain, organisation: fact.organisation, parent: fact.parent, country: fact.country, category: fact.category, source: fact.source, checkedOn: fact.checkedOn ?? null, layer: fact.layer };
      }
    }
    return null;
  }

  // The organisation of a registrable domain itself (for matching an allegation's destination).
  organisationOf(host: string): string | null {
    const domain = registrableDomain(host);
    return domain ? (this.lookup(domain)?.organisation ?? null) : null;
  }

  get size(): number {
    return this.bySuffix.size;
  }
}

// The KB the CLI and tests use: Proofline's curated rows and signatures only.
export function curatedKnowledgeBase(): KnowledgeBase {
  return new KnowledgeBase(CURATED_TRACKER_DOMAINS, SDK_SIGNATURES);
}
