import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { paragraphSortKey } from "@/lib/complaint/labels";
import { proposeKind } from "@/lib/complaint/propose";
import { ZSplitProposal } from "@/lib/schemas/complaint-import";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { alreadyDecided, lockProposalInMatter } from "@/lib/server/complaints/find-proposal";
import { db } from "@/lib/server/db";

// Cuts a proposed ¶ in two at a character offset, when the splitter missed a ¶ start: the rest
// becomes a new pending proposal with the label the reviewer gives, right after it.
export async function splitProposal(actor: Actor, matterId: string, proposalId: string, input: unknown) {
  await requirePermission(actor, matterId, "allegations.write");
  const { at, label } = parseInput(ZSplitProposal, input);
  return db.$transaction(async (tx) => {
    const p = await lockProposalInMatter(tx, matterId, proposalId);
    if (p.decision !== "PENDING") throw alreadyDecided(p.decision);
    const head = p.text.slice(0, at).trim();
    const rest = p.text.slice(at).trim();
    if (!head || !rest) throw AppError.validation({ at: ["Split inside the text, so that both parts keep some words"] });
    const next = await tx.complaintProposal.findFirst({ where: { importId: p.importId, position: { gt: p.position } }, orderBy: { position: "asc" }, select: { position: true } });
    const newId = uuidv7();
    await tx.complaintProposal.update({ where: { id: p.id }, data: { text: head } });
    await tx.complaintProposal.create({
      data: {
        id: newId,
        importId: p.importId,
        matterId,
        position: next ? (p.position + next.position) / 2 : p.position + 1,
        label,
        sortKey: paragraphSortKey(label)!,
        page: p.page,
        line: null,
        heading: p.heading,
        text: rest,
        kind: proposeKind(rest),
        countNumber: p.countNumber,
      },
    });
    await appendAudit(tx, actor, {
      matterId,
      action: "complaint-proposal.split",
      entityId: p.id,
      details: { proposalId: p.id, newProposalId: newId, importId: p.importId, label: p.label, newLabel: label, at },
    });
    return { proposalId: p.id, newProposalId: newId };
  });
}
