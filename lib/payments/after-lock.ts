// Where a member's payment stands once the matter's distribution is locked, and so whether they
// may still give or change their payment details. Details may change only while no file has sent
// the payment to them and none will by itself: a payment that failed or came back (it waits for a
// re-issue), or one whose member had given no details (the first files could not pay it; its new
// details put it in the re-issue queue and may be corrected until a re-issue file takes it). A
// payment sent, paid, or fixed at the lock with the details it will be sent to stays as it is:
// changing those could pay twice or pay an account the member no longer holds.
export type AfterLockState =
  | "FAILED" // failed or returned: new details, then a re-issue file
  | "MISSING" // no details at all: the member may give them
  | "QUEUED" // details given after the lock, no file has taken it yet: may be corrected
  | "PAID"
  | "SENT" // in a payment file, no status back yet
  | "FIXED" // details given before the lock: the first file sends it with them
  | "NOT_PAID"; // the locked run pays this claim nothing

export type PaymentAfterLock = { status: string; exportedAt: Date | null; detailsAfterLockAt: Date | null };

export function afterLockState(payment: PaymentAfterLock | null, hasDetails: boolean): AfterLockState {
  if (!payment) return "NOT_PAID";
  if (payment.status === "FAILED" || payment.status === "RETURNED") return "FAILED";
  if (payment.status === "PAID") return "PAID";
  if (payment.exportedAt) return "SENT";
  if (!hasDetails) return "MISSING";
  return payment.detailsAfterLockAt ? "QUEUED" : "FIXED";
}

export const mayChangeAfterLock = (state: AfterLockState) => state === "FAILED" || state === "MISSING" || state === "QUEUED";

// The refusals, in English; the portal maps them to the visitor's language (lib/i18n/form-errors.ts).
export const AFTER_LOCK_REFUSAL = {
  PAID: "Your payment has already been paid, so its payment details can no longer be changed. Contact the settlement administrator if something is wrong.",
  SENT: "Your payment has already been sent with the details you gave, so they can no longer be changed. If it cannot be delivered, you can give new details here.",
  OTHER: "Payments for this settlement are being prepared, so payment details can no longer be changed. Contact the settlement administrator.",
} as const;
