import "server-only";
import { AppError } from "@/lib/app-error";
import { isUuid } from "@/lib/server/auth/policy";
import type { Tx } from "@/lib/server/db";

// The proposal, looked up inside the matter the URL names and locked for the decision: two
// reviewers deciding the same ¶ at once take turns, and the second sees the first's decision.
export async function lockProposalInMatter(tx: Tx, matterId: string, proposalId: string) {
  if (!isUuid(proposalId)) throw AppError.notFound("Proposal not found");
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "ComplaintProposal" WHERE id = ${proposalId}::uuid AND "matterId" = ${matterId}::uuid FOR UPDATE`;
  if (!locked) throw AppError.notFound("Proposal not found");
  return tx.complaintProposal.findUniqueOrThrow({ where: { id: proposalId } });
}

export function alreadyDecided(decision: string): AppError {
  return new AppError("CONFLICT", `This ¶ was already ${decision.toLowerCase()}; reload to see the latest.`);
}
