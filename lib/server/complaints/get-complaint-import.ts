import "server-only";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";

// One import for the review page: its proposals in reading order, the text of each page the
// splitter read, and — against the ledger — the allegations no ¶ of this complaint matched (the
// ¶s an amendment removed).
export async function getComplaintImport(actor: Actor, matterId: string, importId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  if (!isUuid(importId)) throw AppError.notFound("Import not found");
  const run = await db.complaintImport.findFirst({
    where: { id: importId, matterId },
    include: {
      exhibit: { select: { id: true, prefix: true, number: true, title: true } },
      createdBy: { select: { name: true } },
      proposals: {
        orderBy: { position: "asc" },
        include: { matched: { select: { id: true, paragraphLabel: true, text: true } } },
      },
    },
  });
  if (!run) throw AppError.notFound("Import not found");
  const matchedIds = run.proposals.flatMap((p) => (p.matchedAllegationId ? [p.matchedAllegationId] : []));
  const removed =
    run.status === "PARSED"
      ? await db.allegation.findMany({
          where: { matterId, id: { notIn: matchedIds }, createdAt: { lt: run.createdAt } },
          select: { id: true, paragraphLabel: true, text: true },
          orderBy: { paragraphSortKey: "asc" },
          take: 500,
        })
      : [];
  // The matter's counts, so a ¶ under "COUNT II" can be tied to Count 2's elements on review.
  const matterCounts = await db.count.findMany({
    where: { matterId },
    orderBy: { number: "asc" },
    select: { number: true, title: true, elements: { orderBy: { position: "asc" }, select: { id: true, position: true, text: true } } },
  });
  const counts = { PENDING: 0, ACCEPTED: 0, DROPPED: 0, MERGED: 0 };
  for (const p of run.proposals) counts[p.decision]++;
  return { ...run, exhibitLabel: exhibitLabel(run.exhibit.prefix, run.exhibit.number), removed, counts, matterCounts, access };
}
