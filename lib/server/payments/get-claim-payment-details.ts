import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { paymentDetailsView } from "@/lib/server/payments/payment-details-view";

// A claim's payment details on the staff claim page: attorneys see them in full, the rest of the
// team masked (the method, the last four digits, the city).
export async function getClaimPaymentDetails(actor: Actor, matterId: string, claimId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  if (!isUuid(claimId)) throw AppError.notFound("Claim not found");
  const claim = await db.claim.findFirst({ where: { id: claimId, matterId }, select: { paymentDetails: true } });
  if (!claim) throw AppError.notFound("Claim not found");
  const row = claim.paymentDetails;
  return row && { ...paymentDetailsView(row, access.can("payments.view-full")), updatedAt: row.updatedAt };
}
