import "server-only";
import { afterLockState, mayChangeAfterLock } from "@/lib/payments/after-lock";
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
  const payment = locked
    ? await db.payment.findUnique({ where: { runId_claimId: { runId: locked.id, claimId: ref.id } }, select: { status: true, exportedAt: true, detailsAfterLockAt: true } })
    : null;
  // Where the payment stands after the lock (null before it): the page explains what may change.
  const afterLock = locked ? afterLockState(payment, row !== null) : null;
  return {
    details: row && { ...paymentDetailsView(row, false), recipient: row.recipient, routingNumber: row.achRoutingNumber, addressLine1: row.addressLine1, addressLine2: row.addressLine2, masked: false },
    updatedAt: row?.updatedAt ?? null,
    locked: afterLock !== null && !mayChangeAfterLock(afterLock),
    paymentFailed: afterLock === "FAILED",
    afterLock,
  };
}
