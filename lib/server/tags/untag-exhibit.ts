import "server-only";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import { parseInput } from "@/lib/schemas/parse";
import { ZUntagExhibit } from "@/lib/schemas/tag";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { countLabel, elementLabel } from "@/lib/server/tags/resolve-issue";

// Removes one issue tag from an exhibit (or its page). The free tag itself stays in the matter's
// list for the next exhibit. A tag already removed is "not found".
export async function untagExhibit(actor: Actor, matterId: string, exhibitId: string, input: unknown) {
  await requirePermission(actor, matterId, "exhibits.tag");
  const { exhibitTagId } = parseInput(ZUntagExhibit, input);
  return db.$transaction(async (tx) => {
    const row = await tx.exhibitTag.findFirst({
      where: { id: exhibitTagId, exhibitId, matterId },
      include: { exhibit: true, count: true, element: { include: { count: true } }, tag: true },
    });
    if (!row) throw AppError.notFound("Tag not found");
    await tx.exhibitTag.delete({ where: { id: row.id } });
    const issue = row.count
      ? { kind: "count" as const, issueId: row.count.id, issue: countLabel(row.count.number, row.count.title) }
      : row.element
        ? { kind: "element" as const, issueId: row.element.id, issue: elementLabel(row.element.count.number, row.element.position, row.element.text) }
        : { kind: "tag" as const, issueId: row.tag!.id, issue: row.tag!.name };
    await appendAudit(tx, actor, {
      matterId,
      action: "exhibit.untag",
      entityId: exhibitId,
      details: { number: exhibitLabel(row.exhibit.prefix, row.exhibit.number), page: row.page || null, ...issue },
    });
  });
}
