import "server-only";
import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/app-error";
import { normalizeClaimNumber } from "@/lib/claims/claim-number";
import { isStorableText } from "@/lib/schemas/common";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";

export const MAX_STATUS_FILE_BYTES = 10 * 1024 * 1024;
const SHOWN_ERRORS = 50;
type Status = "PAID" | "FAILED" | "RETURNED";
const STATUSES: Record<string, Status> = { paid: "PAID", failed: "FAILED", returned: "RETURNED" };
// Where each status may come from: a payment once paid can still come back (an ACH return);
// a failed or returned one waits for re-issue and is not marked again.
const FROM: Record<Status, readonly string[]> = { PAID: ["PENDING"], FAILED: ["PENDING"], RETURNED: ["PENDING", "PAID"] };

export type PaymentStatusImport = { rows: number; paid: number; failed: number; returned: number; unchanged: number };

// Marks the payments of a locked run from a status file (claim_number, status, reason): paid,
// failed or returned. The file is checked whole first and applied only when every row is right,
// in one statement, with one audit row of counts; a row naming the status a payment already has
// changes nothing, so importing the same file again is harmless. Failed and returned payments
// join the re-issue queue on the distribution page.
export async function importPaymentStatus(actor: Actor, matterId: string, runId: string, csv: unknown): Promise<PaymentStatusImport> {
  await requirePermission(actor, matterId, "payments.reconcile");
  const run = isUuid(runId) ? await db.distributionRun.findFirst({ where: { id: runId, matterId }, select: { id: true, status: true } }) : null;
  if (!run) throw AppError.notFound("Distribution not found");
  if (run.status !== "LOCKED") throw new AppError("CONFLICT", "Payment statuses belong to a locked distribution.");
  if (typeof csv !== "string") throw AppError.validation({ file: ["Send the status file as CSV text."] });
  if (Buffer.byteLength(csv) > MAX_STATUS_FILE_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The status file is larger than 10 MB: split it.");
  const refuse = (messages: string[]) => AppError.validation({ file: messages.slice(0, SHOWN_ERRORS) }, "The status file has errors; nothing was changed.");

  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw refuse([`The file is not readable as CSV: ${(error as Error).message}`]);
  }
  const header = (records.shift() ?? []).map((h) => h.toLowerCase());
  const col = { number: header.indexOf("claim_number"), status: header.indexOf("status"), reason: header.indexOf("reason") };
  if (col.number < 0 || col.status < 0) throw refuse(["The first row must name the columns claim_number, status and (optionally) reason."]);
  if (records.length === 0) throw refuse(["The file has no rows."]);

  const errors: string[] = [];
  const seen = new Set<string>();
  const numbers: string[] = [];
  const statuses: Status[] = [];
  const reasons: (string | null)[] = [];
  records.forEach((r, i) => {
    const line = i + 2;
    const number = normalizeClaimNumber(r[col.number] ?? "");
    const status = STATUSES[(r[col.status] ?? "").toLowerCase()];
    const reason = col.reason >= 0 && r[col.reason] ? r[col.reason]!.slice(0, 500) : null;
    if (!number) return void errors.push(`Row ${line}: “${(r[col.number] ?? "").slice(0, 40)}” is not a claim number.`);
    if (!status) return void errors.push(`Row ${line}: status must be paid, failed or returned.`);
    if (status !== "PAID" && !reason) return void errors.push(`Row ${line}: a ${status.toLowerCase()} payment needs its reason.`);
    if (reason !== null && !isStorableText(reason)) return void errors.push(`Row ${line}: the reason has characters that cannot be stored.`);
    if (seen.has(number)) return void errors.push(`Row ${line}: claim ${number} appears twice.`);
    seen.add(number);
    numbers.push(number);
    statuses.push(status);
    reasons.push(reason);
  });
  if (errors.length > 0) throw refuse(errors);

  return db.$transaction(
    async (tx) => {
      const current = await tx.$queryRaw<{ number: string; status: string }[]>`
        SELECT c.number, p.status::text AS status
        FROM unnest(${numbers}::text[]) AS f(number)
        LEFT JOIN "Claim" c ON c.number = f.number AND c."matterId" = ${matterId}::uuid
        LEFT JOIN "Payment" p ON p."claimId" = c.id AND p."runId" = ${run.id}::uuid
        ORDER BY array_position(${numbers}::text[], f.number)`;
      const problems: string[] = [];
      let unchanged = 0;
      const apply = { numbers: [] as string[], statuses: [] as string[], reasons: [] as (string | null)[] };
      current.forEach((c, i) => {
        const wanted = statuses[i]!;
        if (!c.status) return void problems.push(`Row ${i + 2}: claim ${numbers[i]} is not paid by this distribution.`);
        if (c.status === wanted) return void (unchanged += 1);
        if (!FROM[wanted].includes(c.status)) return void problems.push(`Row ${i + 2}: claim ${numbers[i]} is ${c.status.toLowerCase()}; it cannot become ${wanted.toLowerCase()}.`);
        apply.numbers.push(numbers[i]!);
        apply.statuses.push(wanted);
        apply.reasons.push(reasons[i]!);
      });
      if (problems.length > 0) throw refuse(problems);
      await tx.$executeRaw`
        UPDATE "Payment" p SET status = f.status::"PaymentStatus", reason = f.reason, "statusAt" = now()
        FROM unnest(${apply.numbers}::text[], ${apply.statuses}::text[], ${apply.reasons}::text[]) AS f(number, status, reason)
        JOIN "Claim" c ON c.number = f.number AND c."matterId" = ${matterId}::uuid
        WHERE p."claimId" = c.id AND p."runId" = ${run.id}::uuid`;
      const count = (s: Status) => apply.statuses.filter((x) => x === s).length;
      const result = { rows: numbers.length, paid: count("PAID"), failed: count("FAILED"), returned: count("RETURNED"), unchanged };
      await appendAudit(tx, actor, { matterId, action: "distribution.import-payment-status", entityId: run.id, details: result });
      return result;
    },
    { timeout: 120_000 },
  );
}
