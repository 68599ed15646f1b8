import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";
import { countLabel, elementLabel } from "@/lib/server/tags/resolve-issue";

export type ExhibitTagChip = { id: string; ref: string; kind: "count" | "element" | "tag"; label: string; page: number | null };

// The issues an exhibit bears, the whole exhibit's first, then each page's in page order.
export async function listExhibitTags(actor: Actor, matterId: string, exhibitId: string): Promise<ExhibitTagChip[]> {
  await requirePermission(actor, matterId, "matter.read");
  await findExhibitInMatter(matterId, exhibitId);
  const rows = await db.exhibitTag.findMany({
    where: { exhibitId, matterId },
    include: { count: true, element: { include: { count: true } }, tag: true },
    orderBy: [{ page: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((r) => {
    const page = r.page || null;
    if (r.count) return { id: r.id, ref: `count:${r.count.id}`, kind: "count", label: countLabel(r.count.number, r.count.title), page };
    if (r.element) return { id: r.id, ref: `element:${r.element.id}`, kind: "element", label: elementLabel(r.element.count.number, r.element.position, r.element.text), page };
    return { id: r.id, ref: `tag:${r.tag!.id}`, kind: "tag", label: r.tag!.name, page };
  });
}
