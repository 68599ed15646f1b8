import { DETECTED_CATEGORIES, type DetectedCategory } from "@/lib/analyzer/categories";
import { registrableDomain } from "@/lib/analyzer/domains";
import type { HarObservation } from "@/lib/analyzer/har/analyze-har";
import type { KnowledgeBase } from "@/lib/analyzer/kb/knowledge-base";

// The one JSON document `npm run analyze` prints (issue 11, item 8).
export type AnalysisReport = {
  kind: "har" | "apk";
  sha256: string;
  entries: number;
  observations: number;
  destinations: ReportDestination[];
  sdks: { prefix: string; organisation: string; classes: string[] }[];
};

export type ReportDestination = {
  host: string;
  registrableDomain: string | null;
  organisation: string | null;
  parent: string | null;
  country: string | null;
  requests: number;
  dataCategories: DetectedCategory[];
};

// Folds observations into one row per host as they stream past (memory: one row per host).
export class DestinationSummary {
  private readonly rows = new Map<string, ReportDestination & { seen: Set<DetectedCategory> }>();

  add(observation: HarObservation): void {
    let row = this.rows.get(observation.host);
    if (!row) {
      row = {
        host: observation.host,
        registrableDomain: observation.registrableDomain,
        organisation: observation.organisation,
        parent: observation.parent,
        country: observation.country,
        requests: 0,
        dataCategories: [],
        seen: new Set(),
      };
      this.rows.set(observation.host, row);
    }
    row.requests++;
    for (const category of observation.dataCategories) row.seen.add(category);
  }

  list(): ReportDestination[] {
    return [...this.rows.values()]
      .map(({ seen, ...row }) => ({ ...row, dataCategories: DETECTED_CATEGORIES.filter((c) => seen.has(c)) }))
      .sort((a, b) => b.requests - a.requests || a.host.localeCompare(b.host));
  }
}

// Hosts named in an app's code, as destinations that no request has been seen to reach.
export function destinationsFromHosts(hosts: readonly string[], kb: KnowledgeBase): ReportDestination[] {
  return [...new Set(hosts)].sort().map((host) => {
    const match = kb.lookup(host);
    return {
      host,
      registrableDomain: registrableDomain(host),
      organisation: match?.organisation ?? null,
      parent: match?.parent ?? null,
      country: match?.country ?? null,
      requests: 0,
      dataCategories: [],
    };
  });
}
