import "server-only";
import yazl from "yazl";
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeCsv, writeCsvRows } from "@/lib/csv/write-csv";
import { buildNachaFile, type NachaEntry } from "@/lib/payments/nacha";
import { PAYMENT_METHODS, type TPaymentMethod } from "@/lib/payments/payment-details";
import { splitIntoParts } from "@/lib/payments/payouts";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { IN_FIRST_FILE, IN_REISSUE_QUEUE } from "@/lib/server/distribution/payment-queue";
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

// `parts` lists the upload files a PayPal or Venmo export was split into when it holds more than
// PayPal takes in one upload; `body` is then a ZIP of those files and their manifest.
export type PaymentFilePart = { file: string; rows: number; totalCents: bigint };
export type PaymentFile = {
  filename: string;
  contentType: string;
  body: string | Buffer;
  payments: number;
  totalCents: bigint;
  missingDetails: number;
  parts: PaymentFilePart[] | null;
};

const dollars = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
// Processors want a US mobile number as ten digits.
const processorRecipient = (r: string) => (r.startsWith("+1") ? r.slice(2) : r);
const sum = (rows: Row[]) => rows.reduce((n, r) => n + r.amount, 0n);

// The payment file of one method from the matter's LOCKED distribution: every payment of the run
// in the first files (payment-queue.ts) whose member chose that method, at the locked amount. An
// attorney's act, audited with its count and total; claims allocated money but without payment
// details are counted (on the page and in the audit row) rather than dropped without a word.
// Each payment a file holds is marked sent (exportedAt): its member's details stay as they are.
//
// With `reissue`, the file holds the re-issue queue instead: the run's payments that failed or came
// back, and those whose member gave details only after the lock, by the method the member chose,
// at the same locked amount; they become PENDING (one more attempt) in the transaction that writes
// the file's audit row.
//
// PayPal and Venmo files of more than PayPal takes in one upload come as a ZIP of numbered parts
// and a manifest of each part's rows and total; the parts add up to the file's total to the cent.
export async function exportPaymentFile(actor: Actor, matterId: string, runId: string, rawMethod: unknown, options: { reissue?: boolean } = {}): Promise<PaymentFile> {
  await requirePermission(actor, matterId, "payments.export");
  const method: TPaymentMethod = parseInput(z.object({ method: ZPaymentFileMethod }), { method: rawMethod }).method;
  const run = isUuid(runId)
    ? await db.distributionRun.findFirst({ where: { id: runId, matterId }, select: { id: true, status: true, lockedAt: true, matter: { select: { slug: true } } } })
    : null;
  if (!run) throw AppError.notFound("Distribution not found");
  if (run.status !== "LOCKED") throw new AppError("CONFLICT", "Payment files are made from a locked distribution: lock this preview first.");

  return db.$transaction(
    async (tx) => {
      // Serialised with members giving details after the lock (set-payment-details.ts): which file
      // pays a payment, and whether its details may still change, is decided under this lock. The
      // re-issues are also row-locked against a status file marking them meanwhile.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('distribution'), hashtext(${matterId}))`;
      const reissue = options.reissue === true;
      const rows = await tx.$queryRaw<Row[]>`
        SELECT c.id AS "claimId", c.number, pay."amountCents" AS amount, cl."fullName",
          p.recipient, p."achRoutingNumber" AS routing, p."achAccountType"::text AS "accountType", p."achAccountCipher" AS cipher,
          p."payeeName", p."addressLine1", p."addressLine2", p.city, p.state, p.zip
        FROM "Payment" pay
        JOIN "Claim" c ON c.id = pay."claimId"
        JOIN "Claimant" cl ON cl.id = c."claimantId"
        JOIN "ClaimPaymentDetails" p ON p."claimId" = c.id
        WHERE pay."runId" = ${run.id}::uuid AND ${reissue ? IN_REISSUE_QUEUE : IN_FIRST_FILE} AND p.method = ${method}::"PaymentMethod"
        ORDER BY c.number COLLATE "C"
        ${reissue ? Prisma.sql`FOR UPDATE OF pay` : Prisma.empty}`;
      const ids = rows.map((r) => r.claimId);
      if (reissue && rows.length > 0) {
        // A payment given details only after the lock is sent for the first time: no attempt more.
        await tx.$executeRaw`
          UPDATE "Payment" SET status = 'PENDING', attempts = attempts + CASE WHEN status IN ('FAILED', 'RETURNED') THEN 1 ELSE 0 END,
            "reissuedAt" = now(), "statusAt" = now(), "exportedAt" = now()
          WHERE "runId" = ${run.id}::uuid AND "claimId" = ANY (${ids}::uuid[])`;
      } else if (rows.length > 0) {
        await tx.$executeRaw`UPDATE "Payment" SET "exportedAt" = now() WHERE "runId" = ${run.id}::uuid AND "claimId" = ANY (${ids}::uuid[])`;
      }
      const [missing] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "Payment" pay
        WHERE pay."runId" = ${run.id}::uuid AND NOT EXISTS (SELECT 1 FROM "ClaimPaymentDetails" p WHERE p."claimId" = pay."claimId")`;
      const totalCents = sum(rows);
      const file = await render(method, rows, { lockedAt: run.lockedAt ?? new Date(), reissue, matterSlug: run.matter.slug });
      const partTotal = file.parts?.reduce((n, p) => n + p.totalCents, 0n);
      if (partTotal !== undefined && partTotal !== totalCents) throw new Error(`payment file parts add up to ${partTotal}, not ${totalCents}`);
      await appendAudit(tx, actor, {
        matterId,
        action: "distribution.export-payments",
        entityId: run.id,
        details: {
          method,
          format: method === "ACH" ? "nacha" : "csv",
          ...(reissue ? { reissue } : {}),
          payments: rows.length,
          totalCents: String(totalCents),
          missingDetails: missing!.n,
          ...(file.parts ? { parts: file.parts.map((p) => p.rows) } : {}),
        },
      });
      return { ...file, payments: rows.length, totalCents, missingDetails: missing!.n };
    },
    { timeout: 120_000 },
  );
}

type Rendered = Pick<PaymentFile, "filename" | "contentType" | "body" | "parts">;

async function render(method: TPaymentMethod, rows: Row[], o: { lockedAt: Date; reissue: boolean; matterSlug: string }): Promise<Rendered> {
  const now = new Date();
  const day = `${o.reissue ? "reissue-" : ""}${now.toISOString().slice(0, 10)}`;
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
      const file = buildNachaFile(
        {
          odfiRouting: env.NACHA_ODFI_ROUTING ?? null,
          destinationName: env.NACHA_DESTINATION_NAME ?? null,
          companyId: env.NACHA_COMPANY_ID ?? null,
          companyName: env.NACHA_COMPANY_NAME ?? "SETTLEMENT FUND",
          originName: env.NACHA_COMPANY_NAME ?? "SETTLEMENT FUND",
          entryDescription: "SETTLEMENT",
          referenceCode: o.lockedAt.toISOString().slice(0, 10).replaceAll("-", ""),
        },
        entries,
        { created: now, effectiveDate: new Date(now.getTime() + 86_400_000) },
      );
      return { filename: `ach-${day}.ach`, contentType: "text/plain; charset=us-ascii", body: file.text, parts: null };
    }
    case "PAYPAL":
    case "VENMO": {
      // PayPal Payouts Web layout, no header row: recipient, amount, currency, unique id, note, wallet.
      const payouts = (part: Row[]) =>
        writeCsvRows(
          "machine",
          part.map((r) => [processorRecipient(r.recipient!), dollars(r.amount), "USD", r.number, `Settlement payment, claim ${r.number}`, method]),
        );
      const chunks = splitIntoParts(rows);
      if (chunks.length <= 1) return { filename: `${method.toLowerCase()}-payouts-${day}.csv`, contentType: "text/csv; charset=utf-8", body: payouts(rows), parts: null };
      const width = Math.max(2, String(chunks.length).length);
      const nth = (i: number) => String(i).padStart(width, "0");
      const stem = `${o.matterSlug}-${method.toLowerCase()}${o.reissue ? "-reissue" : ""}`;
      const parts = chunks.map((part, i) => ({ file: `${stem}-part-${nth(i + 1)}-of-${nth(chunks.length)}.csv`, rows: part.length, totalCents: sum(part), body: payouts(part) }));
      const manifest = writeCsv("spreadsheet", ["file", "rows", "total_cents"], [
        ...parts.map((p) => [p.file, p.rows, String(p.totalCents)]),
        ["TOTAL", rows.length, String(sum(rows))],
      ]);
      const zip = await zipOf([...parts.map((p) => ({ path: p.file, text: p.body })), { path: `${stem}-manifest.csv`, text: manifest }], now);
      return {
        filename: `${stem}-payouts-${now.toISOString().slice(0, 10)}.zip`,
        contentType: "application/zip",
        body: zip,
        parts: parts.map(({ file, rows, totalCents }) => ({ file, rows, totalCents })),
      };
    }
    case "PREPAID_CARD":
      return {
        filename: `prepaid-cards-${day}.csv`,
        contentType: "text/csv; charset=utf-8",
        body: writeCsv(
          "machine",
          ["claim_number", "name", "email", "amount", "currency"],
          rows.map((r) => [r.number, r.fullName, r.recipient, dollars(r.amount), "USD"]),
        ),
        parts: null,
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
        parts: null,
      };
  }
}

// A few CSV files of at most some megabytes: built in memory, like the file itself.
async function zipOf(files: { path: string; text: string }[], mtime: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addBuffer(Buffer.from(f.text, "utf8"), f.path, { mtime });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function accountNumberOf(r: Row): string {
  try {
    return decryptAccountNumber(r.claimId, r.cipher!);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("CONFLICT", `The account number of claim ${r.number} cannot be read: PAYMENT_DETAILS_KEY is not the key it was saved under. Restore that key to export the ACH file.`);
  }
}
