import "server-only";
import { AppError } from "@/lib/app-error";
import { ZBulkAction } from "@/lib/schemas/claim";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { approveClaim } from "@/lib/server/claims/approve-claim";
import { rejectClaim } from "@/lib/server/claims/reject-claim";
import { verifyClaim } from "@/lib/server/claims/verify-claim";

// Applies one action to each selected claim in its own transaction, so one claim in the wrong
// state is reported instead of undoing the rest.
export async function bulkClaimAction(actor: Actor, matterId: string, input: unknown) {
  const { action, claimIds, reason } = parseInput(ZBulkAction, input);
  await requirePermission(actor, matterId, action === "verify" ? "claims.review" : "claims.decide");
  const done: string[] = [];
  const failed: { claimId: string; message: string }[] = [];
  for (const id of claimIds) {
    try {
      if (action === "verify") await verifyClaim(actor, matterId, id, reason ? { reason } : {});
      else if (action === "approve") await approveClaim(actor, matterId, id, reason ? { reason } : {});
      else await rejectClaim(actor, matterId, id, { reason });
      done.push(id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed.push({ claimId: id, message: error.message });
    }
  }
  return { done, failed };
}
