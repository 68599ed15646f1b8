import "server-only";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import { planAmendment, type AmendmentStep } from "@/lib/complaint/amendment";
import { complaintPinCite, parseParagraphLabel, SORT_KEY_SUBDIVISIONS } from "@/lib/complaint/labels";
import { ZApplyAmendment } from "@/lib/schemas/complaint-import";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit, appendAuditMany } from "@/lib/server/audit/append-audit";
import { findLabelHolders, removedAllegationsWhere } from "@/lib/server/complaints/amendment-queries";
import { db } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db-errors";

export type AmendmentResult = { applied: number; renumbered: number; reworded: number; withdrawn: number };

// An amended complaint renumbers: old ¶ 37 becomes 38 while old ¶ 38 becomes 39, so its ¶s cannot
// be accepted one at a time (each would take a label another allegation still holds). This applies
// every pending ¶ that matched an allegation at once — label, words, pin cite and heading move to
// the allegation, its links stay with it — and withdraws the removed allegations the reviewer
// ticked, in one transaction. New ¶s stay pending for review one by one.
export async function applyAmendment(actor: Actor, matterId: string, importId: string, input: unknown): Promise<AmendmentResult> {
  await requirePermission(actor, matterId, "allegations.write");
  if (!isUuid(importId)) throw AppError.notFound("Import not found");
  const withdrawIds = [...new Set(parseInput(ZApplyAmendment, input).withdraw)];
  try {
    return await db.$transaction(
      async (tx) => {
        // Two submits (or two reviewers) take turns on the import; the second finds the work done.
        const [locked] = await tx.$queryRaw<{ id: string }[]>`
          SELECT id::text FROM "ComplaintImport" WHERE id = ${importId}::uuid AND "matterId" = ${matterId}::uuid FOR UPDATE`;
        if (!locked) throw AppError.notFound("Import not found");
        const run = await tx.complaintImport.findUniqueOrThrow({ where: { id: importId }, include: { exhibit: { select: { prefix: true, number: true } } } });
        if (run.status !== "PARSED") throw new AppError("CONFLICT", "This import has no proposed ¶s to apply.");
        // The ¶s and allegations this changes, locked against a one-by-one accept or an edit.
        await tx.$queryRaw`
          SELECT p.id FROM "ComplaintProposal" p JOIN "Allegation" a ON a.id = p."matchedAllegationId"
          WHERE p."importId" = ${importId}::uuid AND p.decision = 'PENDING' AND a."matterId" = ${matterId}::uuid AND a."withdrawnAt" IS NULL
          ORDER BY p.position FOR UPDATE OF p, a`;
        const proposals = await tx.complaintProposal.findMany({
          where: { importId, decision: "PENDING", matched: { is: { matterId, withdrawnAt: null } } },
          orderBy: { position: "asc" },
          select: {
            id: true,
            label: true,
            sortKey: true,
            text: true,
            page: true,
            line: true,
            heading: true,
            matched: { select: { id: true, paragraphLabel: true, text: true, complaintPage: true, complaintLine: true, heading: true } },
          },
        });
        const plan = planAmendment(proposals);
        if (plan.duplicateLabels.length) {
          const message = `More than one ¶ of this complaint is labelled ${plan.duplicateLabels.map((l) => `¶ ${l}`).join(", ")}: drop or relabel one first.`;
          throw AppError.validation({ _form: [message] }, message);
        }

        const chosen = withdrawIds.length
          ? await tx.allegation.findMany({ where: { id: { in: withdrawIds }, matterId }, select: { id: true, paragraphLabel: true, withdrawnAt: true } })
          : [];
        const removed = withdrawIds.length
          ? new Set((await tx.allegation.findMany({ where: { AND: [removedAllegationsWhere(run), { id: { in: withdrawIds } }] }, select: { id: true } })).map((a) => a.id))
          : new Set<string>();
        // Already withdrawn (a second submit) is done; anything else must be on the removed list.
        const chosenById = new Map(chosen.map((a) => [a.id, a]));
        if (withdrawIds.some((id) => !chosenById.get(id)?.withdrawnAt && !removed.has(id))) {
          throw AppError.validation({ withdraw: ["Only allegations that no ¶ of this complaint matched can be withdrawn."] });
        }
        const toWithdraw = chosen.filter((a) => !a.withdrawnAt);

        const holders = await findLabelHolders(
          tx,
          matterId,
          plan.steps.filter((s) => s.relabel).map((s) => s.to),
          [...plan.steps.map((s) => s.allegationId), ...toWithdraw.map((a) => a.id)],
        );
        if (holders.length) {
          const labels = holders.map((h) => `¶ ${h.paragraphLabel}`).join(", ");
          const message = `${labels} ${holders.length === 1 ? "is" : "are"} still held by an allegation this amendment neither moves nor withdraws: tick it to withdraw, or review the ¶ that takes the number on its own.`;
          throw AppError.validation({ withdraw: [message] }, message);
        }
        if (plan.steps.length === 0 && toWithdraw.length === 0) return { applied: 0, renumbered: 0, reworded: 0, withdrawn: 0 };

        const now = new Date();
        const exhibit = exhibitLabel(run.exhibit.prefix, run.exhibit.number);
        // Withdrawn first: their labels are free for the ¶s that take them.
        if (toWithdraw.length) {
          const { count } = await tx.allegation.updateMany({
            where: { id: { in: toWithdraw.map((a) => a.id) }, matterId, withdrawnAt: null },
            data: { withdrawnAt: now, withdrawnById: actor.userId, withdrawnByImportId: importId },
          });
          // Another import's amendment withdrew one of them meanwhile.
          if (count !== toWithdraw.length) throw new AppError("CONFLICT", "Someone withdrew some of these allegations meanwhile; reload and apply again.");
        }
        const byProposal = new Map(proposals.map((p) => [p.id, p]));
        const changed = plan.steps.filter((s) => s.relabel || s.reword || s.repin);
        // PostgreSQL checks a unique index row by row, even within one UPDATE, so a chain
        // (37→38, 38→39) or a swap fails whatever order the rows are visited in. Every moving
        // allegation first parks on a label no ¶ can have; then all take their new labels.
        const relabelled = changed.filter((s) => s.relabel).map((s) => s.allegationId);
        if (relabelled.length) {
          await tx.$executeRaw`
            UPDATE "Allegation" SET "paragraphLabel" = '~' || id::text
            WHERE id = ANY(${relabelled}::uuid[]) AND "matterId" = ${matterId}::uuid`;
        }
        if (changed.length) {
          const rows = changed.map((s) => byProposal.get(s.proposalId)!);
          await tx.$executeRaw`
            UPDATE "Allegation" a SET
              paragraph = v.paragraph, "paragraphLabel" = v.label, "paragraphSortKey" = v."sortKey", text = v.text,
              "complaintPage" = v.page, "complaintLine" = v.line, heading = v.heading, "updatedAt" = ${now}
            FROM unnest(
              ${changed.map((s) => s.allegationId)}::uuid[], ${rows.map((p) => parseParagraphLabel(p.label)?.base ?? Math.floor(p.sortKey / SORT_KEY_SUBDIVISIONS))}::int[],
              ${rows.map((p) => p.label)}::text[], ${rows.map((p) => p.sortKey)}::int[], ${rows.map((p) => p.text)}::text[],
              ${rows.map((p) => p.page)}::int[], ${rows.map((p) => p.line)}::int[], ${rows.map((p) => p.heading)}::text[]
            ) AS v(id, paragraph, label, "sortKey", text, page, line, heading)
            WHERE a.id = v.id AND a."matterId" = ${matterId}::uuid`;
        }
        if (plan.steps.length) {
          await tx.$executeRaw`
            UPDATE "ComplaintProposal" SET decision = 'ACCEPTED', "allegationId" = "matchedAllegationId", "decidedById" = ${actor.userId}::uuid, "decidedAt" = ${now}
            WHERE id = ANY(${plan.steps.map((s) => s.proposalId)}::uuid[]) AND "importId" = ${importId}::uuid AND decision = 'PENDING'`;
        }

        await appendAuditMany(
          tx,
          actor,
          changed.map((s) => {
            const p = byProposal.get(s.proposalId)!;
            return { matterId, action: "allegation.update" as const, entityId: s.allegationId, details: { allegationId: s.allegationId, ...snapshots(s, p, p.matched!) } };
          }),
        );
        await appendAuditMany(
          tx,
          actor,
          toWithdraw.map((a) => ({ matterId, action: "allegation.withdraw" as const, entityId: a.id, details: { allegationId: a.id, paragraph: a.paragraphLabel, importId, exhibit } })),
        );
        const result = { applied: plan.steps.length, renumbered: plan.renumbered, reworded: plan.reworded, withdrawn: toWithdraw.length };
        await appendAudit(tx, actor, { matterId, action: "complaint-import.apply-amendment", entityId: importId, details: { importId, exhibit, ...result } });
        return result;
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "The ledger's ¶ numbers changed while the amendment was applied; reload and apply it again.");
    throw error;
  }
}

type Pinned = { text: string; heading: string | null };

// What a person reads in the allegation's history: the ¶ and pin cite, and the words only when
// they changed (a renumbering of 300 ¶s need not copy 300 texts into the log).
function snapshots(s: AmendmentStep, p: Pinned & { label: string; page: number | null; line: number | null }, a: Pinned & { paragraphLabel: string; complaintPage: number | null; complaintLine: number | null }) {
  const side = (label: string, page: number | null, line: number | null, x: Pinned) => ({
    paragraph: label,
    pinCite: complaintPinCite(label, page, line),
    heading: x.heading,
    ...(s.reword && { text: x.text }),
  });
  return { before: side(a.paragraphLabel, a.complaintPage, a.complaintLine, a), after: side(p.label, p.page, p.line, p) };
}
