import "server-only";
import { AppError } from "@/lib/app-error";
import { ZEmpty } from "@/lib/schemas/complaint-import";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { alreadyDecided, lockProposalInMatter } from "@/lib/server/complaints/find-proposal";
import { db } from "@/lib/server/db";

// Joins a proposed ¶ to the pending one before it, when the splitter cut one ¶ in two (a wrapped
// line that began with a number). The joined proposal keeps the first one's label and pin cite.
export async function mergeProposal(actor: Actor, matterId: string, proposalId: string, input: unknown) {
  await requirePermission(actor, matterId, "allegations.write");
  parseInput(ZEmpty, input);
  return db.$transaction(async (tx) => {
    const p = await lockProposalInMatter(tx, matterId, proposalId);
    if (p.decision !== "PENDING") throw alreadyDecided(p.decision);
    const previous = await tx.complaintProposal.findFirst({
      where: { importId: p.importId, position: { lt: p.position }, decision: { not: "MERGED" } },
      orderBy: { position: "desc" },
    });
    if (!previous) throw new AppError("CONFLICT", "The first ¶ has nothing before it to merge into.");
    const into = await lockProposalInMatter(tx, matterId, previous.id);
    if (into.decision !== "PENDING") throw new AppError("CONFLICT", `¶ ${into.label} before it was already ${into.decision.toLowerCase()}; merge needs it pending.`);
    await tx.complaintProposal.update({ where: { id: into.id }, data: { text: `${into.text} ${p.text}` } });
    await tx.complaintProposal.update({ where: { id: p.id }, data: { decision: "MERGED", decidedById: actor.userId, decidedAt: new Date() } });
    await appendAudit(tx, actor, {
      matterId,
      action: "complaint-proposal.merge",
      entityId: p.id,
      details: { proposalId: p.id, intoProposalId: into.id, importId: p.importId, label: p.label, intoLabel: into.label },
    });
    return { proposalId: into.id };
  });
}
