import "server-only";
import { AppError } from "@/lib/app-error";
import type { TSdkSuggestionRef } from "@/lib/schemas/network";
import { unsafeComputeSdkSuggestions, type SdkSuggestion } from "@/lib/server/apk/compute-sdk-suggestions";

// The SDK suggestion a form names, worked out again from the stored analysis and allegation (in
// this matter only, newest finished analysis of its package); "not found" when they no longer match.
export async function findSdkSuggestion(matterId: string, ref: TSdkSuggestionRef): Promise<SdkSuggestion> {
  const suggestions = await unsafeComputeSdkSuggestions(matterId, { analysisId: ref.analysisId, allegationId: ref.allegationId });
  const found = suggestions.find((s) => s.analysisId === ref.analysisId && s.allegationId === ref.allegationId && s.sdkPrefix === ref.sdkPrefix);
  if (!found) throw AppError.notFound("Suggestion not found");
  return found;
}
