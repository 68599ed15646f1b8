import "server-only";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { ownClaimRef } from "@/lib/server/claims/withdraw-claim";
import { paymentDetailsView } from "@/lib/server/payments/payment-details-view";

// The member's own payment details for their claim page, and whether they may still change them.
// The account number is not shown back (the last four digits are): it was typed by the member
// and a page is no place to read it from.
export async function getMyPaymentDetails(actor: Actor, rawNumber: string) {
  const ref = await ownClaimRef(actor, rawNumber);
  const [row, locked] = await Promise.all([
    db.claimPaymentDetails.findUnique({ where: { claimId: ref.id } }),
    db.distributionRun.findFirst({ where: { matterId: ref.matterId, status: "LOCKED" }, select: { id: true } }),
  ]);
  // A payment that failed or came back can be sent again with new details.
  const failed = locked ? await db.payment.findFirst({ where: { runId: locked.id, claimId: ref.id, status: { in: ["FAILED", "RETURNED"] } }, select: { status: true } }) : null;
  return {
    details: row && { ...paymentDetailsView(row, false), recipient: row.recipient, routingNumber: row.achRoutingNumber, addressLine1: row.addressLine1, addressLine2: row.addressLine2, masked: false },
    updatedAt: row?.updatedAt ?? null,
    locked: Boolean(locked) && !failed,
    paymentFailed: Boolean(failed),
  };
}
