import "server-only";
import type { ApkSdkMatch } from "@/lib/analyzer/apk/types";
import { matchEmbeddedSdk, SDK_DECISION_ENTRY, sdkDecisionRule, sdkPinCite } from "@/lib/analyzer/suggest-sdk";
import { exhibitLabel } from "@/lib/bates/format";
import { db } from "@/lib/server/db";

export type SdkSuggestion = {
  allegationId: string;
  paragraph: number;
  analysisId: string;
  exhibitId: string;
  exhibitLabel: string;
  exhibitSha256: string;
  sdkPrefix: string;
  organisation: string;
  sdk: string;
  classCount: number;
  allegationPrefix: string;
  exampleClass: string;
  dexFile: string | null;
  pinCite: string;
  decided: { decision: "ACCEPTED" | "DISMISSED"; reason: string | null } | null;
};

export type SdkSuggestionScope = { exhibitId?: string; analysisId?: string; allegationId?: string };

// Each app package's newest finished analysis × the matter's SDK_EMBEDDED allegations that name
// SDK prefixes (lib/analyzer/suggest-sdk.ts decides a match), with decisions already taken (keyed
// on the package's SHA-256 and the SDK prefix, so they hold for every later analysis). Runs as the
// system: callers authorise first and pass the matter they authorised.
export async function unsafeComputeSdkSuggestions(matterId: string, scope: SdkSuggestionScope = {}): Promise<SdkSuggestion[]> {
  const [allegations, analyses, decisions] = await Promise.all([
    db.allegation.findMany({
      where: { matterId, kind: "SDK_EMBEDDED", withdrawnAt: null, NOT: { sdkPrefixes: { isEmpty: true } }, ...(scope.allegationId ? { id: scope.allegationId } : {}) },
      select: { id: true, paragraph: true, sdkPrefixes: true },
      orderBy: { paragraphSortKey: "asc" },
    }),
    db.apkAnalysis.findMany({
      where: { matterId, status: "DONE", ...(scope.exhibitId ? { exhibitId: scope.exhibitId } : {}) },
      orderBy: { createdAt: "desc" },
      select: { id: true, exhibitId: true, inputSha256: true, findings: true, exhibit: { select: { prefix: true, number: true } } },
    }),
    db.suggestionDecision.findMany({ where: { matterId, entryIndex: SDK_DECISION_ENTRY }, select: { allegationId: true, exhibitSha256: true, ruleId: true, decision: true, reason: true } }),
  ]);
  if (allegations.length === 0) return [];
  const latest = new Map<string, (typeof analyses)[number]>();
  for (const a of analyses) if (!latest.has(a.exhibitId)) latest.set(a.exhibitId, a);
  const decided = new Map(decisions.map((d) => [`${d.allegationId}|${d.exhibitSha256}|${d.ruleId}`, d]));

  const suggestions: SdkSuggestion[] = [];
  for (const analysis of latest.values()) {
    if (scope.analysisId && analysis.id !== scope.analysisId) continue;
    const sdks = ((analysis.findings as { sdks?: ApkSdkMatch[] } | null)?.sdks ?? []) as ApkSdkMatch[];
    const label = exhibitLabel(analysis.exhibit.prefix, analysis.exhibit.number);
    for (const allegation of allegations) {
      for (const sdk of sdks) {
        const match = matchEmbeddedSdk(allegation.sdkPrefixes, sdk);
        if (!match) continue;
        const decision = decided.get(`${allegation.id}|${analysis.inputSha256}|${sdkDecisionRule(sdk.prefix)}`);
        suggestions.push({
          allegationId: allegation.id,
          paragraph: allegation.paragraph,
          analysisId: analysis.id,
          exhibitId: analysis.exhibitId,
          exhibitLabel: label,
          exhibitSha256: analysis.inputSha256,
          sdkPrefix: sdk.prefix,
          organisation: sdk.organisation,
          sdk: sdk.sdk,
          classCount: sdk.classCount,
          ...match,
          pinCite: sdkPinCite(label, match),
          decided: decision ? { decision: decision.decision, reason: decision.reason } : null,
        });
      }
    }
  }
  return suggestions;
}
