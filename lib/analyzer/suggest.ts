import { ALLEGATION_CATEGORY, type DetectedCategory } from "@/lib/analyzer/categories";
import type { Detection } from "@/lib/analyzer/detect/scan-request";
import { registrableDomain } from "@/lib/analyzer/domains";
import type { DataCategoryValue } from "@/lib/schemas/allegation";

// What a DATA_TRANSFER allegation claims, as far as matching needs it.
export type TransferClaim = {
  destinationHost: string;
  dataCategories: readonly DataCategoryValue[];
  observedFrom: Date | null;
  observedTo: Date | null;
};

export type ObservedRequest = {
  registrableDomain: string | null;
  startedAt: Date;
  dataCategories: readonly DetectedCategory[];
  detections: readonly Detection[];
};

export type SuggestionMatch = {
  // The detection a pin cite names and a decision is keyed on: a known value before a pattern,
  // then by rule id, so the same capture and rules give the same key on every analysis.
  detection: Detection;
  overlap: DataCategoryValue[];
};

const DAY = 86_400_000;

// An observation supports a transfer allegation when it went to the allegation's destination
// (same registrable domain, or a domain the KB gives the same organisation), within its period
// (the whole of observedTo's day; any time if none), carrying a category the allegation names
// (any detected category when it names none).
export function matchTransfer(
  claim: TransferClaim,
  observation: ObservedRequest,
  organisationOf: (domain: string) => string | null,
): SuggestionMatch | null {
  const target = registrableDomain(claim.destinationHost);
  if (!target || !observation.registrableDomain) return null;
  if (observation.registrableDomain !== target) {
    const wanted = organisationOf(target);
    if (!wanted || organisationOf(observation.registrableDomain) !== wanted) return null;
  }
  const at = observation.startedAt.getTime();
  if (claim.observedFrom && at < claim.observedFrom.getTime()) return null;
  if (claim.observedTo && at >= claim.observedTo.getTime() + DAY) return null;
  const named = new Set(claim.dataCategories);
  const relevant = (c: DetectedCategory) => named.size === 0 || named.has(ALLEGATION_CATEGORY[c]);
  const candidates = observation.detections.filter((d) => relevant(d.category));
  if (candidates.length === 0) return null;
  const [detection] = [...candidates].sort((a, b) => (a.mode === b.mode ? a.ruleId.localeCompare(b.ruleId) || a.path.localeCompare(b.path) : a.mode === "known" ? -1 : 1));
  const overlap = [...new Set(candidates.map((d) => ALLEGATION_CATEGORY[d.category]))];
  return { detection: detection!, overlap };
}

const PART_LABEL: Record<Detection["part"], string> = { url: "URL path", query: "query", header: "header", cookie: "cookie", body: "request body" };

// "PX-0007, entry 12, request body $.header.imei" — what a lawyer cites and a reader can find.
export function pinCiteFor(exhibitLabel: string, detection: Pick<Detection, "entryIndex" | "part" | "path">): string {
  return `${exhibitLabel}, entry ${detection.entryIndex}, ${PART_LABEL[detection.part]} ${detection.path}`.slice(0, 200);
}

// Shown to those who may not see the full value: enough to recognise, not enough to reuse.
export function maskValue(text: string): string {
  if (text.length <= 4) return "•".repeat(text.length);
  const keep = text.length <= 8 ? 1 : 3;
  return `${text.slice(0, keep)}${"•".repeat(Math.min(text.length - 2 * keep, 24))}${text.slice(-keep)}`;
}
