import "server-only";
import { AppError } from "@/lib/app-error";
import type { TSuggestionRef } from "@/lib/schemas/network";
import { unsafeComputeSuggestions, type Suggestion } from "@/lib/server/network/compute-suggestions";

// The suggestion a form names, worked out again from the stored observation and allegation (in
// this matter only); "not found" when the two no longer match or belong elsewhere.
export async function findSuggestion(matterId: string, ref: TSuggestionRef): Promise<Suggestion> {
  const { suggestions } = await unsafeComputeSuggestions(matterId, { observationId: ref.observationId, allegationId: ref.allegationId });
  const found = suggestions.find((s) => s.observationId === ref.observationId && s.allegationId === ref.allegationId);
  if (!found) throw AppError.notFound("Suggestion not found");
  return found;
}
