import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { writeCsv, writeCsvRows } from "@/lib/csv/write-csv";
import { buildNachaFile, type NachaEntry } from "@/lib/payments/nacha";
import { PAYMENT_METHODS, type TPaymentMethod } from "@/lib/payments/payment-details";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { env } from "@/lib/server/env";
import { decryptAccountNumber } from "@/lib/server/payments/payment-crypto";

export const ZPaymentFileMethod = z.enum(PAYMENT_METHODS, { error: `Choose one of ${PAYMENT_METHODS.join(", ")}` });

type Row = {
  claimId: string;
  number: string;
  amount: bigint;
  fullName: string;
  recipient: string | null;
  routing: string | null;
  accountType: "CHECKING" | "SAVINGS" | null;
  cipher: string | null;
  payeeName: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
};

export type PaymentFile = { filename: string; contentType: string; body: string; payments: number; totalCents: bigint; missingDetails: number };

const dollars = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
// Processors want a US mobile number as ten digits.
const processorRecipient = (r: string) => (r.startsWith("+1") ? r.slice(2) : r);

// The payment file of one method from the matter's LOCKED distribution: every claim allocated
// more than nothing whose member chose that method, at the locked amount. An attorney's act,
// audited with its count and total; claims allocated money but without payment details are
// counted (on the page and in the audit row) rather than dropped without a word.
//
// With `reissue`, the file holds the re-issue queue instead: the run's payments that failed or came
// back, by the method the member chose since, at the same locked amount; they become PENDING again
// (one more attempt) in the transaction that writes the file's audit row.
export async function exportPaymentFile(actor: Actor, matterId: string, runId: string, rawMethod: unknown, options: { reissue?: boolean } = {}): Promise<PaymentFile> {
  await requirePermission(actor, matterId, "payments.export");
  const method: TPaymentMethod = parseInput(z.object({ method: ZPaymentFileMethod }), { method: rawMethod }).method;
  const run = isUuid(runId) ? await db.distributionRun.findFirst({ where: { id: runId, matterId }, select: { id: true, status: true, lockedAt: true } }) : null;
  if (!run) throw AppError.notFound("Distribution not found");
  if (run.status !== "LOCKED") throw new AppError("CONFLICT", "Payment files are made from a locked distribution: lock this preview first.");

  return db.$transaction(
    async (tx) => {
      const reissue = options.reissue === true;
      // The re-issues are read and reset under a row lock, so two exports cannot both take one.
      const rows = reissue
        ? await tx.$queryRaw<Row[]>`
            SELECT c.id AS "claimId", c.number, pay."amountCents" AS amount, cl."fullName",
              p.recipient, p."achRoutingNumber" AS routing, p."achAccountType"::text AS "accountType", p."achAccountCipher" AS cipher,
              p."payeeName", p."addressLine1", p."addressLine2", p.city, p.state, p.zip
            FROM "Payment" pay
            JOIN "Claim" c ON c.id = pay."claimId"
            JOIN "Claimant" cl ON cl.id = c."claimantId"
            JOIN "ClaimPaymentDetails" p ON p."claimId" = c.id
            WHERE pay."runId" = ${run.id}::uuid AND pay.status IN ('FAILED', 'RETURNED') AND p.method = ${method}::"PaymentMethod"
            ORDER BY c.number COLLATE "C"
            FOR UPDATE OF pay`
        : await tx.$queryRaw<Row[]>`
            SELECT c.id AS "claimId", c.number, a."amountCents" AS amount, cl."fullName",
              p.recipient, p."achRoutingNumber" AS routing, p."achAccountType"::text AS "accountType", p."achAccountCipher" AS cipher,
              p."payeeName", p."addressLine1", p."addressLine2", p.city, p.state, p.zip
            FROM "Allocation" a
            JOIN "Claim" c ON c.id = a."claimId"
            JOIN "Claimant" cl ON cl.id = c."claimantId"
            JOIN "ClaimPaymentDetails" p ON p."claimId" = c.id
            WHERE a."runId" = ${run.id}::uuid AND a."amountCents" > 0 AND p.method = ${method}::"PaymentMethod"
            ORDER BY c.number COLLATE "C"`;
      if (reissue && rows.length > 0) {
        await tx.$executeRaw`
          UPDATE "Payment" SET status = 'PENDING', attempts = attempts + 1, "reissuedAt" = now(), "statusAt" = now()
          WHERE "runId" = ${run.id}::uuid AND "claimId" = ANY (${rows.map((r) => r.claimId)}::uuid[])`;
      }
      const [missing] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "Allocation" a
        WHERE a."runId" = ${run.id}::uuid AND a."amountCents" > 0
          AND NOT EXISTS (SELECT 1 FROM "ClaimPaymentDetails" p WHERE p."claimId" = a."claimId")`;
      const totalCents = rows.reduce((n, r) => n + r.amount, 0n);
      const file = render(method, rows, run.lockedAt ?? new Date(), reissue);
      await appendAudit(tx, actor, {
        matterId,
        action: "distribution.export-payments",
        entityId: run.id,
        details: { method, format: method === "ACH" ? "nacha" : "csv", ...(reissue ? { reissue } : {}), payments: rows.length, totalCents: String(totalCents), missingDetails: missing!.n },
      });
      return { ...file, payments: rows.length, totalCents, missingDetails: missing!.n };
    },
    { timeout: 120_000 },
  );
}

function render(method: TPaymentMethod, rows: Row[], lockedAt: Date, reissue: boolean): { filename: string; contentType: string; body: string } {
  const day = `${reissue ? "reissue-" : ""}${new Date().toISOString().slice(0, 10)}`;
  switch (method) {
    case "ACH": {
      const entries: NachaEntry[] = rows.map((r) => ({
        routingNumber: r.routing!,
        accountNumber: accountNumberOf(r),
        accountType: r.accountType ?? "CHECKING",
        amountCents: r.amount,
        id: r.number,
        name: r.fullName,
      }));
      const now = new Date();
      const file = buildNachaFile(
        {
          odfiRouting: env.NACHA_ODFI_ROUTING ?? null,
          destinationName: env.NACHA_DESTINATION_NAME ?? null,
          companyId: env.NACHA_COMPANY_ID ?? null,
          companyName: env.NACHA_COMPANY_NAME ?? "SETTLEMENT FUND",
          originName: env.NACHA_COMPANY_NAME ?? "SETTLEMENT FUND",
          entryDescription: "SETTLEMENT",
          referenceCode: lockedAt.toISOString().slice(0, 10).replaceAll("-", ""),
        },
        entries,
        { created: now, effectiveDate: new Date(now.getTime() + 86_400_000) },
      );
      return { filename: `ach-${day}.ach`, contentType: "text/plain; charset=us-ascii", body: file.text };
    }
    case "PAYPAL":
    case "VENMO":
      // PayPal Payouts Web layout, no header row: recipient, amount, currency, unique id, note, wallet.
      return {
        filename: `${method.toLowerCase()}-payouts-${day}.csv`,
        contentType: "text/csv; charset=utf-8",
        body: writeCsvRows(
          "machine",
          rows.map((r) => [processorRecipient(r.recipient!), dollars(r.amount), "USD", r.number, `Settlement payment, claim ${r.number}`, method]),
        ),
      };
    case "PREPAID_CARD":
      return {
        filename: `prepaid-cards-${day}.csv`,
        contentType: "text/csv; charset=utf-8",
        body: writeCsv(
          "machine",
          ["claim_number", "name", "email", "amount", "currency"],
          rows.map((r) => [r.number, r.fullName, r.recipient, dollars(r.amount), "USD"]),
        ),
      };
    case "CHECK":
      return {
        filename: `checks-${day}.csv`,
        contentType: "text/csv; charset=utf-8",
        body: writeCsv(
          "machine",
          ["claim_number", "payee_name", "address_line1", "address_line2", "city", "state", "zip", "amount", "memo"],
          rows.map((r) => [r.number, r.payeeName ?? r.fullName, r.addressLine1, r.addressLine2 ?? "", r.city, r.state, r.zip, dollars(r.amount), `Settlement payment, claim ${r.number}`]),
        ),
      };
  }
}

function accountNumberOf(r: Row): string {
  try {
    return decryptAccountNumber(r.claimId, r.cipher!);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("CONFLICT", `The account number of claim ${r.number} cannot be read: PAYMENT_DETAILS_KEY is not the key it was saved under. Restore that key to export the ACH file.`);
  }
}
