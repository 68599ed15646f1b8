// Payment details as the member gives them and as staff see them: the checks that make a payment
// land (an ABA routing number's check digit, a US mobile number), and the masks paralegals see.
// Pure: the schema, the portal form, the staff page and the payment files share it.

export const PAYMENT_METHODS = ["PAYPAL", "VENMO", "ACH", "PREPAID_CARD", "CHECK"] as const;
export type TPaymentMethod = (typeof PAYMENT_METHODS)[number];
export const ACH_ACCOUNT_TYPES = ["CHECKING", "SAVINGS"] as const;
export type TAchAccountType = (typeof ACH_ACCOUNT_TYPES)[number];

export const PAYMENT_METHOD_LABELS: Record<TPaymentMethod, string> = {
  PAYPAL: "PayPal",
  VENMO: "Venmo",
  ACH: "Direct deposit (ACH)",
  PREPAID_CARD: "Prepaid card",
  CHECK: "Paper check",
};

// Why a payment waits in a locked distribution's re-issue queue, in staff words.
export type TReissueReason = "FAILED" | "RETURNED" | "DETAILS_AFTER_LOCK";
export const REISSUE_REASON_LABELS: Record<TReissueReason, string> = {
  FAILED: "Failed",
  RETURNED: "Returned",
  DETAILS_AFTER_LOCK: "Details added after lock",
};

// ABA routing number: nine digits whose weighted sum (3, 7, 1 repeating) is a multiple of 10.
export function isValidRoutingNumber(s: string): boolean {
  if (!/^\d{9}$/.test(s)) return false;
  const d = [...s].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}

// A US phone number as +1 and ten digits, or null when it is not one (area and exchange codes
// never start with 0 or 1).
export function toUsE164(raw: string): string | null {
  if (!/^[+()\d\s.-]{7,25}$/.test(raw)) return null;
  let digits = raw.replace(/\D/g, "");
  if (digits.length === 11 && digits.startsWith("1")) digits = digits.slice(1);
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return null;
  return `+1${digits}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function looksLikeEmail(s: string): boolean {
  return s.length <= 254 && EMAIL.test(s);
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email[0]}•••${email.slice(at)}`;
}

export function maskPhone(phone: string): string {
  return `•••-•••-${phone.slice(-4)}`;
}

export function maskRecipient(recipient: string): string {
  return recipient.includes("@") ? maskEmail(recipient) : maskPhone(recipient);
}

export function maskAccount(last4: string): string {
  return `••••${last4}`;
}

// A stored phone (+14155550100) as people write it.
export function formatRecipient(recipient: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(recipient);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : recipient;
}

// What a payment-details row holds, with the account number decrypted or absent.
export type PaymentDetailsView = {
  method: TPaymentMethod;
  recipient: string | null;
  routingNumber: string | null;
  accountType: TAchAccountType | null;
  accountNumber: string | null;
  accountLast4: string | null;
  payeeName: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  masked: boolean;
};

// One line for mail, audit and lists: never the full account number, and masked throughout.
export function paymentSummary(d: Pick<PaymentDetailsView, "method" | "recipient" | "routingNumber" | "accountType" | "accountLast4" | "city" | "state" | "zip">): string {
  const label = PAYMENT_METHOD_LABELS[d.method];
  switch (d.method) {
    case "ACH":
      return `${label}: ${d.accountType === "SAVINGS" ? "savings" : "checking"} account ${maskAccount(d.accountLast4 ?? "")}, routing •••••${(d.routingNumber ?? "").slice(-4)}`;
    case "CHECK":
      return `${label} mailed to ${d.city ?? ""}, ${d.state ?? ""} ${d.zip ?? ""}`.trim();
    default:
      return `${label}: ${maskRecipient(d.recipient ?? "")}`;
  }
}

// What a paralegal is shown: the shape of the details, none of the values that move money.
export function maskPaymentDetails(d: PaymentDetailsView): PaymentDetailsView {
  return {
    ...d,
    recipient: d.recipient && maskRecipient(d.recipient),
    routingNumber: d.routingNumber && `•••••${d.routingNumber.slice(-4)}`,
    accountNumber: null,
    addressLine1: d.addressLine1 && "•••",
    addressLine2: d.addressLine2 && "•••",
    masked: true,
  };
}
