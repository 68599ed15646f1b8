import "server-only";
import type { TExhibitFilters } from "@/lib/schemas/exhibit";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

export type SavedSearchRow = { id: string; name: string; filters: TExhibitFilters; shared: boolean; mine: boolean; ownerName: string; createdAt: Date };

// The searches a member may run: their own, then those others shared with the team.
export async function listSavedSearches(actor: Actor, matterId: string): Promise<SavedSearchRow[]> {
  await requirePermission(actor, matterId, "matter.read");
  const rows = await db.savedSearch.findMany({
    where: { matterId, OR: [{ ownerId: actor.userId }, { shared: true }] },
    include: { owner: { select: { name: true } } },
    orderBy: [{ nameKey: "asc" }, { createdAt: "asc" }],
    take: 200,
  });
  const all = rows.map((r) => ({ id: r.id, name: r.name, filters: r.filters as TExhibitFilters, shared: r.shared, mine: r.ownerId === actor.userId, ownerName: r.owner.name, createdAt: r.createdAt }));
  return [...all.filter((r) => r.mine), ...all.filter((r) => !r.mine)];
}
