import "server-only";
import { maskValue } from "@/lib/analyzer/suggest";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";
import { unsafeComputeSuggestions, type PossibleAllegation, type Suggestion } from "@/lib/server/network/compute-suggestions";

export type SuggestionList = { open: Suggestion[]; decided: Suggestion[]; possibleAllegations: PossibleAllegation[]; masked: boolean };

// Suggested SUPPORTS links from captures to DATA_TRANSFER allegations (for one exhibit, or the
// whole matter), open ones first; nothing here is in the ledger until a person accepts it.
export async function listSuggestions(actor: Actor, matterId: string, options: { exhibitId?: string } = {}): Promise<SuggestionList> {
  const access = await requirePermission(actor, matterId, "matter.read");
  if (options.exhibitId) await findExhibitInMatter(matterId, options.exhibitId);
  const unmask = access.can("captures.unmask");
  const { suggestions, possibleAllegations } = await unsafeComputeSuggestions(matterId, { exhibitId: options.exhibitId });
  const shown = suggestions.map((s) => (unmask ? s : { ...s, detection: { ...s.detection, matched: maskValue(s.detection.matched) } }));
  return { open: shown.filter((s) => !s.decided), decided: shown.filter((s) => s.decided), possibleAllegations, masked: !unmask };
}
