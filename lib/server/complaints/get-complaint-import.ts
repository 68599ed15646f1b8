import "server-only";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import { planAmendment } from "@/lib/complaint/amendment";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { findLabelHolders, removedAllegationsWhere } from "@/lib/server/complaints/amendment-queries";
import { db } from "@/lib/server/db";

// One import for the review page: its proposals in reading order, the text of each page the
// splitter read, and — against the ledger — the allegations no ¶ of this complaint matched (the
// ¶s an amendment removed) and what applying the matched ¶s at once would change.
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
        include: { matched: { select: { id: true, paragraphLabel: true, text: true, complaintPage: true, complaintLine: true, heading: true, withdrawnAt: true } } },
      },
    },
  });
  if (!run) throw AppError.notFound("Import not found");
  const removed =
    run.status === "PARSED"
      ? await db.allegation.findMany({
          where: removedAllegationsWhere(run),
          select: { id: true, paragraphLabel: true, text: true },
          orderBy: { paragraphSortKey: "asc" },
          take: 500,
        })
      : [];
  const plan = planAmendment(
    run.proposals.filter((p) => p.decision === "PENDING").map((p) => ({ ...p, matched: p.matched && !p.matched.withdrawnAt ? p.matched : null })),
  );
  // Allegations holding a label a matched ¶ takes: removed ones must be withdrawn with it, others
  // block it until the ¶ that takes the label is reviewed on its own.
  const holders = await findLabelHolders(
    db,
    matterId,
    plan.steps.filter((s) => s.relabel).map((s) => s.to),
    plan.steps.map((s) => s.allegationId),
  );
  const amendment = { applicable: plan.steps.length, renumbered: plan.renumbered, reworded: plan.reworded, unchanged: plan.unchanged, duplicateLabels: plan.duplicateLabels, holders };
  // The matter's counts, so a ¶ under "COUNT II" can be tied to Count 2's elements on review.
  const matterCounts = await db.count.findMany({
    where: { matterId },
    orderBy: { number: "asc" },
    select: { number: true, title: true, elements: { orderBy: { position: "asc" }, select: { id: true, position: true, text: true } } },
  });
  const counts = { PENDING: 0, ACCEPTED: 0, DROPPED: 0, MERGED: 0 };
  for (const p of run.proposals) counts[p.decision]++;
  return { ...run, exhibitLabel: exhibitLabel(run.exhibit.prefix, run.exhibit.number), removed, amendment, counts, matterCounts, access };
}
