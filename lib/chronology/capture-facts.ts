// Capture requests become chronology facts one per capture, destination and day — never one per
// request: a capture of thousands of requests is a handful of facts a reader can take in.
import { DETECTED_CATEGORIES, DETECTED_CATEGORY_LABELS, type DetectedCategory as DetectedCategoryValue } from "@/lib/analyzer/categories";

export type CaptureRequest = {
  exhibitId: string;
  exhibitLabel: string;
  entryIndex: number;
  startedAt: Date;
  host: string;
  registrableDomain: string | null;
  organisation: string | null;
  dataCategories: readonly DetectedCategoryValue[];
};

export type CaptureDayFact = {
  key: string;
  exhibitId: string;
  day: string;
  destination: string;
  organisation: string | null;
  requestCount: number;
  firstEntry: number;
  lastEntry: number;
  dataCategories: DetectedCategoryValue[];
  description: string;
};

// Keyed on the capture exhibit (not an analysis run), so a re-analysis finds the same facts.
export function captureFactKey(exhibitId: string, destination: string, day: string): string {
  return `capture:${exhibitId}:${destination}:${day}`;
}

type Group = { first: CaptureRequest; count: number; firstEntry: number; lastEntry: number; categories: Set<DetectedCategoryValue>; orgs: Set<string> };

// Days are UTC calendar days: a capture's own time zones vary, and the fact names its entries.
// Requests are added page by page, so a capture of any size is held as one group per fact.
export class CaptureAggregator {
  private readonly groups = new Map<string, Group>();

  add(r: CaptureRequest): void {
    const key = captureFactKey(r.exhibitId, destinationOf(r), r.startedAt.toISOString().slice(0, 10));
    let g = this.groups.get(key);
    if (!g) {
      g = { first: r, count: 0, firstEntry: r.entryIndex, lastEntry: r.entryIndex, categories: new Set(), orgs: new Set() };
      this.groups.set(key, g);
    }
    g.count += 1;
    g.firstEntry = Math.min(g.firstEntry, r.entryIndex);
    g.lastEntry = Math.max(g.lastEntry, r.entryIndex);
    for (const c of r.dataCategories) g.categories.add(c);
    if (r.organisation) g.orgs.add(r.organisation);
  }

  facts(): CaptureDayFact[] {
    const facts: CaptureDayFact[] = [];
    for (const [key, g] of this.groups) {
      const destination = destinationOf(g.first);
      const day = g.first.startedAt.toISOString().slice(0, 10);
      const categories = DETECTED_CATEGORIES.filter((c) => g.categories.has(c));
      const organisation = g.orgs.size ? [...g.orgs].sort().join(", ") : null;
      facts.push({
        key,
        exhibitId: g.first.exhibitId,
        day,
        destination,
        organisation,
        requestCount: g.count,
        firstEntry: g.firstEntry,
        lastEntry: g.lastEntry,
        dataCategories: categories,
        description: captureFactDescription({ day, count: g.count, destination, organisation, categories, exhibitLabel: g.first.exhibitLabel, firstEntry: g.firstEntry, lastEntry: g.lastEntry }),
      });
    }
    return facts.sort((a, b) => a.day.localeCompare(b.day) || a.destination.localeCompare(b.destination) || a.key.localeCompare(b.key));
  }
}

const destinationOf = (r: CaptureRequest) => (r.registrableDomain ?? r.host).toLowerCase();

export function aggregateCaptureRequests(requests: Iterable<CaptureRequest>): CaptureDayFact[] {
  const aggregator = new CaptureAggregator();
  for (const r of requests) aggregator.add(r);
  return aggregator.facts();
}

// "2019-04-03: 214 requests from the app to umeng.com (Alibaba) carrying IMEI, Android ID — PX-0007 entries 12–980"
export function captureFactDescription(f: {
  day: string;
  count: number;
  destination: string;
  organisation: string | null;
  categories: readonly DetectedCategoryValue[];
  exhibitLabel: string;
  firstEntry: number;
  lastEntry: number;
}): string {
  const requests = `${f.count.toLocaleString("en-US")} request${f.count === 1 ? "" : "s"}`;
  const to = `${f.destination}${f.organisation ? ` (${f.organisation})` : ""}`;
  const carrying = f.categories.length ? ` carrying ${f.categories.map((c) => DETECTED_CATEGORY_LABELS[c]).join(", ")}` : "";
  const entries = f.firstEntry === f.lastEntry ? `entry ${f.firstEntry}` : `entries ${f.firstEntry}–${f.lastEntry}`;
  return `${f.day}: ${requests} from the app to ${to}${carrying} — ${f.exhibitLabel} ${entries}`;
}
