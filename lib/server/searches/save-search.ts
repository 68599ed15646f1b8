import "server-only";
import { AppError } from "@/lib/app-error";
import type { TExhibitFilters } from "@/lib/schemas/exhibit";
import { parseInput } from "@/lib/schemas/parse";
import { ZSaveSearch } from "@/lib/schemas/tag";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { resolveIssue } from "@/lib/server/tags/resolve-issue";

// Names the exhibits page's query and filters so one click runs them again; the owner's alone,
// or shared with the matter's team. Saving the same name with the same search twice keeps one.
export async function saveSearch(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "searches.save");
  const { name, shared, ...rest } = parseInput(ZSaveSearch, input);
  const filters = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as TExhibitFilters;
  return db.$transaction(async (tx) => {
    if (filters.tag) await resolveIssue(tx, matterId, filters.tag, "tag");
    const nameKey = name.toLowerCase();
    const created = await tx.savedSearch.createMany({ data: [{ matterId, ownerId: actor.userId, name, nameKey, filters, shared }], skipDuplicates: true });
    const saved = await tx.savedSearch.findUniqueOrThrow({ where: { matterId_ownerId_nameKey: { matterId, ownerId: actor.userId, nameKey } } });
    if (created.count === 0) {
      if (JSON.stringify(saved.filters) === JSON.stringify(filters) && saved.shared === shared) return saved;
      throw AppError.validation({ name: [`You already have a saved search named “${saved.name}”: choose another name or delete that one`] });
    }
    await appendAudit(tx, actor, { matterId, action: "saved-search.create", entityId: saved.id, details: { name, q: filters.q ?? null, filters, shared } });
    return saved;
  });
}
