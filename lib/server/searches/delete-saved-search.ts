import "server-only";
import { AppError } from "@/lib/app-error";
import type { TExhibitFilters } from "@/lib/schemas/exhibit";
import { parseInput } from "@/lib/schemas/parse";
import { ZDeleteSavedSearch } from "@/lib/schemas/tag";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";

// Only its owner deletes a saved search. Someone else's private search is "not found"; a shared
// one they can see is refused.
export async function deleteSavedSearch(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "searches.save");
  const { savedSearchId } = parseInput(ZDeleteSavedSearch, input);
  return db.$transaction(async (tx) => {
    const saved = await tx.savedSearch.findFirst({ where: { id: savedSearchId, matterId, OR: [{ ownerId: actor.userId }, { shared: true }] } });
    if (!saved) throw AppError.notFound("Saved search not found");
    if (saved.ownerId !== actor.userId) throw new AppError("FORBIDDEN", "Only the person who saved a search can delete it");
    await tx.savedSearch.delete({ where: { id: saved.id } });
    const filters = saved.filters as TExhibitFilters;
    await appendAudit(tx, actor, { matterId, action: "saved-search.delete", entityId: saved.id, details: { name: saved.name, q: filters.q ?? null, filters, shared: saved.shared } });
  });
}
