import "server-only";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import { parseInput } from "@/lib/schemas/parse";
import { ZTagExhibit } from "@/lib/schemas/tag";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db, type Tx } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";
import { resolveIssue, type ResolvedIssue } from "@/lib/server/tags/resolve-issue";

// Tags an exhibit, or one page of it, with an issue: a count, an element, or a free tag (found by
// name whatever its case, else created). Tagging twice keeps one tag and one audit row.
export async function tagExhibit(actor: Actor, matterId: string, exhibitId: string, input: unknown) {
  await requirePermission(actor, matterId, "exhibits.tag");
  const { issue: ref, name, page } = parseInput(ZTagExhibit, input);
  return db.$transaction(async (tx) => {
    const exhibit = await findExhibitInMatter(matterId, exhibitId, tx);
    if (page !== undefined) await requirePage(tx, exhibit.id, exhibit.pageCount, page);
    let createdTag = false;
    let issue: ResolvedIssue;
    if (ref) issue = await resolveIssue(tx, matterId, ref);
    else {
      // Concurrent taggers typing one new name make one tag: the unique key decides.
      const created = await tx.tag.createMany({ data: [{ matterId, name: name!, nameKey: name!.toLowerCase(), createdById: actor.userId }], skipDuplicates: true });
      createdTag = created.count === 1;
      const tag = await tx.tag.findUniqueOrThrow({ where: { matterId_nameKey: { matterId, nameKey: name!.toLowerCase() } } });
      issue = { kind: "tag", id: tag.id, label: tag.name };
    }
    const key = { count: "countId", element: "elementId", tag: "tagId" } as const;
    const row = { matterId, exhibitId, page: page ?? 0, [key[issue.kind]]: issue.id, createdById: actor.userId };
    const inserted = await tx.exhibitTag.createMany({ data: [row], skipDuplicates: true });
    const tagged = await tx.exhibitTag.findFirstOrThrow({ where: { exhibitId, page: page ?? 0, [key[issue.kind]]: issue.id } });
    if (inserted.count === 1) {
      await appendAudit(tx, actor, {
        matterId,
        action: "exhibit.tag",
        entityId: exhibitId,
        details: { number: exhibitLabel(exhibit.prefix, exhibit.number), page: page ?? null, kind: issue.kind, issueId: issue.id, issue: issue.label, createdTag },
      });
    }
    return { id: tagged.id, issue, page: page ?? null, created: inserted.count === 1 };
  });
}

async function requirePage(tx: Tx, exhibitId: string, pageCount: number | null, page: number) {
  const last = pageCount ?? (await tx.exhibitPage.aggregate({ where: { exhibitId }, _max: { page: true } }))._max.page ?? 0;
  if (last === 0) throw AppError.validation({ page: ["This exhibit has no pages yet: tag the whole exhibit"] });
  if (page > last) throw AppError.validation({ page: [`This exhibit has ${last} page${last === 1 ? "" : "s"}`] });
}
