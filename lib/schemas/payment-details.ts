import { z } from "zod";
import { ACH_ACCOUNT_TYPES, isValidRoutingNumber, looksLikeEmail, PAYMENT_METHODS, toUsE164, type TAchAccountType } from "@/lib/payments/payment-details";
import { CLAIMANT_FIELDS, zipMatchesState } from "@/lib/schemas/claim";
import { ZText } from "@/lib/schemas/common";

export const PAYMENT_MESSAGES = {
  method: "Choose how you want to be paid",
  recipient: "Enter the email address or mobile number of your account",
  recipientInvalid: "Enter an email address like name@example.com or a US mobile number like 415-555-0100",
  email: "Enter an email address, like name@example.com",
  routing: "Enter the 9-digit routing number printed on your checks",
  routingInvalid: "This routing number is not valid: check the 9 digits",
  account: "Enter your account number, 4 to 17 digits",
  accountConfirm: "The two account numbers do not match",
  accountType: "Choose checking or savings",
} as const;

const digits = (s: string) => s.replace(/[\s-]/g, "");
const optional = (max: number) => ZText().trim().max(max, `At most ${max} characters`).optional();

export type TPaymentDetails =
  | { method: "PAYPAL" | "VENMO"; recipient: string }
  | { method: "PREPAID_CARD"; recipient: string }
  | { method: "ACH"; routingNumber: string; accountNumber: string; accountType: TAchAccountType }
  | { method: "CHECK"; addressLine1: string; addressLine2: string | null; city: string; state: string; zip: string };

// One flat form (the portal shows the fields of the chosen method; blank ones are dropped before
// parsing), checked per method and turned into exactly what that method needs.
export const ZPaymentDetails = z
  .object({
    method: z.enum(PAYMENT_METHODS, { error: PAYMENT_MESSAGES.method }),
    recipient: optional(254),
    routingNumber: optional(20),
    accountNumber: optional(30),
    accountNumberConfirm: optional(30),
    accountType: z.enum(ACH_ACCOUNT_TYPES, { error: PAYMENT_MESSAGES.accountType }).optional(),
    addressLine1: optional(200),
    addressLine2: optional(200),
    city: optional(100),
    state: optional(2),
    zip: optional(10),
  })
  .strict()
  .transform((v, ctx): TPaymentDetails => {
    let failed = false;
    const issue = (path: string, message: string) => {
      failed = true;
      ctx.addIssue({ code: "custom", path: [path], message });
    };
    switch (v.method) {
      case "PAYPAL":
      case "VENMO": {
        const raw = v.recipient ?? "";
        if (!raw) issue("recipient", PAYMENT_MESSAGES.recipient);
        else if (raw.includes("@")) {
          if (!looksLikeEmail(raw)) issue("recipient", PAYMENT_MESSAGES.recipientInvalid);
          else return { method: v.method, recipient: raw.toLowerCase() };
        } else {
          const phone = toUsE164(raw);
          if (!phone) issue("recipient", PAYMENT_MESSAGES.recipientInvalid);
          else return { method: v.method, recipient: phone };
        }
        return z.NEVER;
      }
      case "PREPAID_CARD": {
        const raw = v.recipient ?? "";
        if (!looksLikeEmail(raw)) {
          issue("recipient", PAYMENT_MESSAGES.email);
          return z.NEVER;
        }
        return { method: "PREPAID_CARD", recipient: raw.toLowerCase() };
      }
      case "ACH": {
        const routing = digits(v.routingNumber ?? "");
        const account = digits(v.accountNumber ?? "");
        if (!/^\d{9}$/.test(routing)) issue("routingNumber", PAYMENT_MESSAGES.routing);
        else if (!isValidRoutingNumber(routing)) issue("routingNumber", PAYMENT_MESSAGES.routingInvalid);
        if (!/^\d{4,17}$/.test(account)) issue("accountNumber", PAYMENT_MESSAGES.account);
        else if (digits(v.accountNumberConfirm ?? "") !== account) issue("accountNumberConfirm", PAYMENT_MESSAGES.accountConfirm);
        if (!v.accountType) issue("accountType", PAYMENT_MESSAGES.accountType);
        if (failed) return z.NEVER;
        return { method: "ACH", routingNumber: routing, accountNumber: account, accountType: v.accountType! };
      }
      case "CHECK": {
        const address = z
          .object({ addressLine1: CLAIMANT_FIELDS.addressLine1, addressLine2: CLAIMANT_FIELDS.addressLine2, city: CLAIMANT_FIELDS.city, state: CLAIMANT_FIELDS.state, zip: CLAIMANT_FIELDS.zip })
          .safeParse({ addressLine1: v.addressLine1, addressLine2: v.addressLine2, city: v.city, state: v.state, zip: v.zip });
        if (!address.success) {
          for (const i of address.error.issues) issue(String(i.path[0]), i.message);
          return z.NEVER;
        }
        if (!zipMatchesState(address.data.zip, address.data.state)) {
          issue("zip", `ZIP code ${address.data.zip} is not in ${address.data.state}: check both`);
          return z.NEVER;
        }
        return { method: "CHECK", ...address.data, addressLine2: address.data.addressLine2 ?? null };
      }
    }
  });
