import "server-only";
import type { ClaimPaymentDetails } from "@/lib/generated/prisma/client";
import { maskPaymentDetails, type PaymentDetailsView } from "@/lib/payments/payment-details";
import { decryptAccountNumber } from "@/lib/server/payments/payment-crypto";

// A stored row as a page shows it: in full (the account number decrypted) or masked.
export function paymentDetailsView(row: ClaimPaymentDetails, full: boolean): PaymentDetailsView {
  const view: PaymentDetailsView = {
    method: row.method,
    recipient: row.recipient,
    routingNumber: row.achRoutingNumber,
    accountType: row.achAccountType,
    accountNumber: full && row.achAccountCipher ? readable(row.claimId, row.achAccountCipher) : null,
    accountLast4: row.achAccountLast4,
    payeeName: row.payeeName,
    addressLine1: row.addressLine1,
    addressLine2: row.addressLine2,
    city: row.city,
    state: row.state,
    zip: row.zip,
    masked: false,
  };
  return full ? view : maskPaymentDetails(view);
}

// A page still opens when the key has changed or is missing: the number shows masked instead.
function readable(claimId: string, cipher: string): string | null {
  try {
    return decryptAccountNumber(claimId, cipher);
  } catch {
    return null;
  }
}
