import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";
import { unsafeComputeSdkSuggestions, type SdkSuggestion } from "@/lib/server/apk/compute-sdk-suggestions";

// Suggested SUPPORTS links from app packages to SDK_EMBEDDED allegations (one exhibit, or the whole
// matter), open ones first; nothing is in the ledger until a person accepts it.
export async function listSdkSuggestions(actor: Actor, matterId: string, options: { exhibitId?: string } = {}): Promise<{ open: SdkSuggestion[]; decided: SdkSuggestion[] }> {
  await requirePermission(actor, matterId, "matter.read");
  if (options.exhibitId) await findExhibitInMatter(matterId, options.exhibitId);
  const suggestions = await unsafeComputeSdkSuggestions(matterId, { exhibitId: options.exhibitId });
  return { open: suggestions.filter((s) => !s.decided), decided: suggestions.filter((s) => s.decided) };
}
