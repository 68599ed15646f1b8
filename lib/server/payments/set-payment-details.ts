import "server-only";
import { AppError } from "@/lib/app-error";
import { AFTER_LOCK_REFUSAL, afterLockState, mayChangeAfterLock, type AfterLockState } from "@/lib/payments/after-lock";
import { paymentSummary } from "@/lib/payments/payment-details";
import { ZPaymentDetails } from "@/lib/schemas/payment-details";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { ownClaimRef } from "@/lib/server/claims/withdraw-claim";
import { appUrl } from "@/lib/server/env";
import { deliverOutboxSoon } from "@/lib/server/mail/deliver-outbox";
import { queueMail } from "@/lib/server/mail/queue-mail";
import { encryptAccountNumber } from "@/lib/server/payments/payment-crypto";

const CLOSED = new Set(["REJECTED", "DUPLICATE", "WITHDRAWN"]);

// The member gives or changes how their claim is paid. Until an attorney locks the matter's
// distribution, freely; afterwards only for their own payment that no file has sent yet and none
// will by itself (lib/payments/after-lock.ts): one that failed or came back, or one they had given
// no details for. Details given after the lock put the payment in the re-issue queue, so the next
// re-issue file pays it with them, never a first file. The change is audited (masked: the team
// reads the audit log) and mailed to the member, so a change they did not make does not go
// unnoticed.
export async function setPaymentDetails(actor: Actor, rawNumber: string, input: unknown) {
  const ref = await ownClaimRef(actor, rawNumber);
  const details = parseInput(ZPaymentDetails, input);
  const mail = await db.$transaction(async (tx) => {
    // Serialised with locking the distribution and with its payment files (they take the same lock).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('distribution'), hashtext(${ref.matterId}))`;
    const claim = await tx.claim.findUniqueOrThrow({
      where: { id: ref.id },
      select: { status: true, claimant: { select: { fullName: true, email: true } }, paymentDetails: true },
    });
    if (CLOSED.has(claim.status)) throw new AppError("CONFLICT", "This claim will not be paid, so it takes no payment details.");
    const locked = await tx.distributionRun.findFirst({ where: { matterId: ref.matterId, status: "LOCKED" }, select: { id: true } });
    let afterLock: AfterLockState | null = null;
    if (locked) {
      const payment = await tx.payment.findUnique({
        where: { runId_claimId: { runId: locked.id, claimId: ref.id } },
        select: { status: true, exportedAt: true, detailsAfterLockAt: true },
      });
      afterLock = afterLockState(payment, claim.paymentDetails !== null);
      if (!mayChangeAfterLock(afterLock)) throw new AppError("CONFLICT", afterLock === "PAID" || afterLock === "SENT" ? AFTER_LOCK_REFUSAL[afterLock] : AFTER_LOCK_REFUSAL.OTHER);
      if (afterLock === "MISSING") {
        await tx.payment.update({ where: { runId_claimId: { runId: locked.id, claimId: ref.id } }, data: { detailsAfterLockAt: new Date() } });
      }
    }
    const previous = claim.paymentDetails;
    const row = {
      method: details.method,
      recipient: details.method === "PAYPAL" || details.method === "VENMO" || details.method === "PREPAID_CARD" ? details.recipient : null,
      achRoutingNumber: details.method === "ACH" ? details.routingNumber : null,
      achAccountType: details.method === "ACH" ? details.accountType : null,
      achAccountLast4: details.method === "ACH" ? details.accountNumber.slice(-4) : null,
      achAccountCipher: details.method === "ACH" ? encryptAccountNumber(ref.id, details.accountNumber) : null,
      payeeName: details.method === "CHECK" ? claim.claimant.fullName : null,
      addressLine1: details.method === "CHECK" ? details.addressLine1 : null,
      addressLine2: details.method === "CHECK" ? details.addressLine2 : null,
      city: details.method === "CHECK" ? details.city : null,
      state: details.method === "CHECK" ? details.state : null,
      zip: details.method === "CHECK" ? details.zip : null,
      updatedById: actor.userId,
    };
    await tx.claimPaymentDetails.upsert({ where: { claimId: ref.id }, create: { claimId: ref.id, matterId: ref.matterId, ...row }, update: row });
    const summary = paymentSummary({ method: row.method, recipient: row.recipient, routingNumber: row.achRoutingNumber, accountType: row.achAccountType, accountLast4: row.achAccountLast4, city: row.city, state: row.state, zip: row.zip });
    const previousSummary = previous
      ? paymentSummary({ ...previous, routingNumber: previous.achRoutingNumber, accountType: previous.achAccountType, accountLast4: previous.achAccountLast4 })
      : null;
    await appendAudit(tx, actor, {
      matterId: ref.matterId,
      action: "claim.set-payment-details",
      entityId: ref.id,
      details: { number: ref.number, method: row.method, summary, previousMethod: previous?.method ?? null, previousSummary, ...(afterLock ? { reissue: true } : {}) },
    });
    return queueMail(tx, {
      to: claim.claimant.email,
      subject: `Payment details ${previous ? "changed" : "received"} for claim ${ref.number}`,
      text:
        `The payment details of your claim ${ref.number} were ${previous ? "changed" : "saved"}.\n\n` +
        `Now: ${summary}\n${previousSummary ? `Before: ${previousSummary}\n` : ""}\n` +
        (afterLock ? "Your payment will be sent with these details in the next batch of payments.\n\n" : "") +
        `If you did not make this change, sign in at ${appUrl}/claims/sign-in and correct it, or contact the settlement administrator.\n`,
      ref: `Claim:${ref.id}`,
    });
  });
  deliverOutboxSoon([mail]);
}
