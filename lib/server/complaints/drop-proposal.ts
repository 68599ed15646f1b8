import "server-only";
import { ZDropProposal } from "@/lib/schemas/complaint-import";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { alreadyDecided, lockProposalInMatter } from "@/lib/server/complaints/find-proposal";
import { db } from "@/lib/server/db";

// A proposed ¶ the reviewer keeps out of the ledger (a caption line the splitter took for a ¶,
// a prayer for relief), with the reason the audit keeps.
export async function dropProposal(actor: Actor, matterId: string, proposalId: string, input: unknown) {
  await requirePermission(actor, matterId, "allegations.write");
  const { reason } = parseInput(ZDropProposal, input);
  return db.$transaction(async (tx) => {
    const p = await lockProposalInMatter(tx, matterId, proposalId);
    if (p.decision === "DROPPED") return { proposalId: p.id };
    if (p.decision !== "PENDING") throw alreadyDecided(p.decision);
    await tx.complaintProposal.update({ where: { id: p.id }, data: { decision: "DROPPED", decidedById: actor.userId, decidedAt: new Date() } });
    await appendAudit(tx, actor, { matterId, action: "complaint-proposal.drop", entityId: p.id, details: { proposalId: p.id, importId: p.importId, label: p.label, reason: reason ?? null } });
    return { proposalId: p.id };
  });
}
