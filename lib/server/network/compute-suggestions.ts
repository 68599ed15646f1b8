import "server-only";
import type { DetectedCategory } from "@/lib/analyzer/categories";
import type { Detection } from "@/lib/analyzer/detect/scan-request";
import { matchTransfer, pinCiteFor } from "@/lib/analyzer/suggest";
import { exhibitLabel } from "@/lib/bates/format";
import type { DataCategoryValue } from "@/lib/schemas/allegation";
import { db } from "@/lib/server/db";
import { unsafeLoadKnowledgeBase } from "@/lib/server/analyzer-kb/load-knowledge-base";

// Past this many observations with findings, a listing reads the first ones (by exhibit and entry).
const MAX_OBSERVATIONS = 20_000;

export type Suggestion = {
  allegationId: string;
  paragraph: number;
  destinationHost: string;
  observationId: string;
  analysisId: string;
  exhibitId: string;
  exhibitLabel: string;
  exhibitSha256: string;
  entryIndex: number;
  startedAt: Date;
  method: string;
  host: string;
  organisation: string | null;
  country: string | null;
  dataCategories: DetectedCategory[];
  overlap: DataCategoryValue[];
  detection: Detection;
  pinCite: string;
  decided: { decision: "ACCEPTED" | "DISMISSED"; reason: string | null } | null;
};

export type PossibleAllegation = {
  registrableDomain: string;
  organisation: string | null;
  country: string | null;
  requests: number;
  dataCategories: DetectedCategory[];
  firstSeen: Date;
  lastSeen: Date;
  exampleObservationId: string;
};

export type SuggestionScope = { exhibitId?: string; observationId?: string; allegationId?: string };

export const decisionKey = (k: { allegationId: string; exhibitSha256: string; entryIndex: number; ruleId: string }) =>
  `${k.allegationId}|${k.exhibitSha256}|${k.entryIndex}|${k.ruleId}`;

// Observations of each capture's latest finished analysis × the matter's DATA_TRANSFER
// allegations (lib/analyzer/suggest.ts decides a match), with the decisions already taken; and
// the observations to the matter's flagged countries that match no allegation. Runs as the
// system: callers authorise first and pass the matter they authorised.
export async function unsafeComputeSuggestions(matterId: string, scope: SuggestionScope = {}): Promise<{ suggestions: Suggestion[]; possibleAllegations: PossibleAllegation[] }> {
  const [matter, allegations, analyses, decisions, kb] = await Promise.all([
    db.matter.findUniqueOrThrow({ where: { id: matterId }, select: { flaggedCountries: true } }),
    db.allegation.findMany({
      where: { matterId, kind: "DATA_TRANSFER", withdrawnAt: null, dataTransfer: { isNot: null }, ...(scope.allegationId ? { id: scope.allegationId } : {}) },
      include: { dataTransfer: true },
      orderBy: { paragraph: "asc" },
    }),
    db.captureAnalysis.findMany({
      where: { matterId, status: "DONE", ...(scope.exhibitId ? { exhibitId: scope.exhibitId } : {}) },
      orderBy: { createdAt: "desc" },
      select: { id: true, exhibitId: true, inputSha256: true, exhibit: { select: { prefix: true, number: true } } },
    }),
    db.suggestionDecision.findMany({ where: { matterId }, select: { allegationId: true, exhibitSha256: true, entryIndex: true, ruleId: true, decision: true, reason: true } }),
    unsafeLoadKnowledgeBase(matterId),
  ]);
  const latest = new Map<string, (typeof analyses)[number]>();
  for (const a of analyses) if (!latest.has(a.exhibitId)) latest.set(a.exhibitId, a);
  if (latest.size === 0) return { suggestions: [], possibleAllegations: [] };

  const observations = await db.networkObservation.findMany({
    where: {
      matterId,
      analysisId: { in: [...latest.values()].map((a) => a.id) },
      NOT: { dataCategories: { isEmpty: true } },
      ...(scope.observationId ? { id: scope.observationId } : {}),
    },
    orderBy: [{ exhibitId: "asc" }, { entryIndex: "asc" }],
    take: MAX_OBSERVATIONS,
    select: { id: true, analysisId: true, exhibitId: true, entryIndex: true, startedAt: true, method: true, host: true, registrableDomain: true, organisation: true, country: true, serverIpCountry: true, dataCategories: true, detections: true },
  });
  const decided = new Map(decisions.map((d) => [decisionKey(d), d]));
  const organisationOf = (domain: string) => kb.organisationOf(domain);
  const flagged = new Set(matter.flaggedCountries);
  const suggestions: Suggestion[] = [];
  const possible = new Map<string, PossibleAllegation & { seen: Set<DetectedCategory> }>();

  for (const o of observations) {
    const analysis = latest.get(o.exhibitId)!;
    const label = exhibitLabel(analysis.exhibit.prefix, analysis.exhibit.number);
    const detections = o.detections as unknown as Detection[];
    let matchedAny = false;
    for (const allegation of allegations) {
      const transfer = allegation.dataTransfer!;
      const match = matchTransfer(
        { destinationHost: transfer.destinationHost, dataCategories: transfer.dataCategories, observedFrom: transfer.observedFrom, observedTo: transfer.observedTo },
        { registrableDomain: o.registrableDomain, startedAt: o.startedAt, dataCategories: o.dataCategories, detections },
        organisationOf,
      );
      if (!match) continue;
      matchedAny = true;
      const key = { allegationId: allegation.id, exhibitSha256: analysis.inputSha256, entryIndex: o.entryIndex, ruleId: match.detection.ruleId };
      const decision = decided.get(decisionKey(key));
      suggestions.push({
        allegationId: allegation.id,
        paragraph: allegation.paragraph,
        destinationHost: transfer.destinationHost,
        observationId: o.id,
        analysisId: o.analysisId,
        exhibitId: o.exhibitId,
        exhibitLabel: label,
        exhibitSha256: analysis.inputSha256,
        entryIndex: o.entryIndex,
        startedAt: o.startedAt,
        method: o.method,
        host: o.host,
        organisation: o.organisation,
        country: o.country,
        dataCategories: o.dataCategories,
        overlap: match.overlap,
        detection: match.detection,
        pinCite: pinCiteFor(label, match.detection),
        decided: decision ? { decision: decision.decision, reason: decision.reason } : null,
      });
    }
    const flaggedCountry = [o.country, o.serverIpCountry].find((c) => c && flagged.has(c));
    if (!matchedAny && flaggedCountry && o.registrableDomain && !scope.allegationId) {
      let row = possible.get(o.registrableDomain);
      if (!row) {
        row = { registrableDomain: o.registrableDomain, organisation: kb.lookup(o.registrableDomain)?.organisation ?? o.organisation, country: o.country ?? flaggedCountry, requests: 0, dataCategories: [], firstSeen: o.startedAt, lastSeen: o.startedAt, exampleObservationId: o.id, seen: new Set() };
        possible.set(o.registrableDomain, row);
      }
      row.requests++;
      for (const c of o.dataCategories) row.seen.add(c);
      if (o.startedAt < row.firstSeen) row.firstSeen = o.startedAt;
      if (o.startedAt > row.lastSeen) row.lastSeen = o.startedAt;
    }
  }
  const possibleAllegations = [...possible.values()]
    .map(({ seen, ...row }) => ({ ...row, dataCategories: [...seen].sort() }))
    .sort((a, b) => b.requests - a.requests || a.registrableDomain.localeCompare(b.registrableDomain));
  return { suggestions, possibleAllegations };
}
