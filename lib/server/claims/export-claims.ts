import "server-only";
import { csvStream } from "@/lib/csv/write-csv";
import { ZClaimFilters } from "@/lib/schemas/claim";
import { parseInput } from "@/lib/schemas/parse";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { claimWhere } from "@/lib/server/claims/list-claims";

const BATCH = 2000;

// Streams the filtered claims as CSV in keyset-paged batches, so a million rows never sit in
// memory. The export itself is audited (it carries personal data).
export async function exportClaimsCsv(actor: Actor, matterId: string, rawFilters: unknown): Promise<ReadableStream<Uint8Array>> {
  await requirePermission(actor, matterId, "matter.read");
  const filters = parseInput(ZClaimFilters, rawFilters);
  const where = claimWhere(matterId, filters);
  await db.$transaction((tx) => appendAudit(tx, actor, { matterId, action: "claim.export", entityId: matterId, details: { filters } }));
  // Opened in spreadsheets, and every name and address in it was typed by the public.
  const csv = csvStream("spreadsheet", [
    "number", "status", "filed_at", "full_name", "date_of_birth", "guardian", "email", "phone", "address1", "address2", "city", "state", "zip", "subclass", "payment", "notice_id", "fraud_score", "recommendation", "decision_reason",
  ]);
  (async () => {
    let cursor: string | undefined;
    for (;;) {
      const rows = await db.claim.findMany({
        where,
        orderBy: { id: "asc" },
        take: BATCH,
        ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
        include: { claimant: true },
      });
      for (const r of rows) {
        const c = r.claimant;
        const ok = csv.write([
          r.number, r.status, r.createdAt.toISOString(), c.fullName, c.dateOfBirth.toISOString().slice(0, 10), c.guardianName, c.email, c.phone,
          c.addressLine1, c.addressLine2, c.city, c.state, c.zip, r.subclass, r.paymentPreference, r.noticeId, r.fraudScore, r.recommendation, r.decisionReason,
        ]);
        if (!ok) await new Promise((resolve) => csv.once("drain", resolve));
      }
      if (rows.length < BATCH) break;
      cursor = rows[rows.length - 1]!.id;
    }
    csv.end();
  })().catch((error: unknown) => csv.destroy(error as Error));
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        for await (const chunk of csv) controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : (chunk as Uint8Array));
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
