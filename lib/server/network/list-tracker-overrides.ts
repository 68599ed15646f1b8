import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { unsafeLoadKnowledgeBase } from "@/lib/server/analyzer-kb/load-knowledge-base";

// A matter's own tracker facts, each beside what the global knowledge base says of the domain
// (what the override replaces), and the KB version the matter's next analysis will record.
export async function listTrackerOverrides(actor: Actor, matterId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const [rows, matterKb, globalKb] = await Promise.all([
    db.trackerDomain.findMany({ where: { scope: matterId }, orderBy: { domain: "asc" } }),
    unsafeLoadKnowledgeBase(matterId),
    unsafeLoadKnowledgeBase(null),
  ]);
  const userIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => !!id))];
  const names = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return {
    canEdit: access.can("captures.kb-override"),
    version: matterKb.version,
    overrides: rows.map((r) => {
      const global = globalKb.lookup(r.domain);
      return {
        id: r.id,
        domain: r.domain,
        organisation: r.organisation,
        parent: r.parent,
        country: r.country,
        category: r.category,
        source: r.source,
        checkedOn: r.checkedOn ? r.checkedOn.toISOString().slice(0, 10) : null,
        setBy: r.createdById ? (names.get(r.createdById) ?? "a deleted account") : "—",
        updatedAt: r.updatedAt,
        replaces: global ? { domain: global.domain, organisation: global.organisation, layer: global.layer } : null,
      };
    }),
  };
}
