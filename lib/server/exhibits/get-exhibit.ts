import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { ZExhibitViewerTarget } from "@/lib/schemas/exhibit";
import { parseInput } from "@/lib/schemas/parse";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";

// The exhibit page: metadata, the allegations it is linked to, and its custody log (every audit
// row about it, oldest first, with who, when and from where), and for the viewer the extracted
// text of the page it opens at (`target.page`, clamped to the pages there are).
export async function getExhibit(actor: Actor, matterId: string, exhibitId: string, target: unknown = {}) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const { page: wanted } = parseInput(ZExhibitViewerTarget, target);
  const exhibit = await findExhibitInMatter(matterId, exhibitId);
  const textPageCount = await db.exhibitPage.count({ where: { exhibitId } });
  const textPage = Math.min(wanted ?? 1, Math.max(textPageCount, 1));
  const familySelect = { id: true, prefix: true, number: true } as const;
  const [links, custody, textPreview, productions, family] = await Promise.all([
    db.evidenceLink.findMany({
      where: { exhibitId, matterId, removedAt: null },
      include: { allegation: { select: { id: true, paragraph: true, text: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.auditEvent.findMany({
      where: { entityType: "Exhibit", entityId: exhibitId, matterId },
      include: { actor: { select: { name: true, email: true } } },
      orderBy: { id: "asc" },
    }),
    db.exhibitPage.findMany({ where: { exhibitId, page: textPage }, select: { page: true, text: true } }),
    db.productionItem.findMany({
      where: { exhibitId, matterId },
      include: { production: { select: { id: true, name: true, batesPrefix: true, createdAt: true } } },
      orderBy: { batesStart: "asc" },
    }),
    // An e-mail and its attachments (bulk intake), and the earlier exhibit with the same bytes.
    db.exhibit.findUniqueOrThrow({
      where: { id: exhibit.id },
      select: { parent: { select: familySelect }, duplicateOf: { select: familySelect }, children: { select: familySelect, orderBy: { number: "asc" } } },
    }),
  ]);
  return { exhibit, access, links, custody, textPreview, textPageCount, productions, family };
}
