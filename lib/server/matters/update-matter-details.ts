import "server-only";
import { AppError } from "@/lib/app-error";
import { dateFromCalendar } from "@/lib/schemas/common";
import { ZUpdateMatterDetails } from "@/lib/schemas/matter";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";

const FIELDS = ["court", "docketNumber", "judge", "plaintiffsCounsel", "defendantsCounsel", "trialDate", "fre502dOrder", "protectiveOrder"] as const;

// The facts the court papers cite (AO 187 header, the orders productions cite). An attorney
// records them; the audit keeps what each was before.
export async function updateMatterDetails(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "matter.edit");
  const { expectedUpdatedAt, ...data } = parseInput(ZUpdateMatterDetails, input);
  return db.$transaction(async (tx) => {
    const before = await tx.matter.findUniqueOrThrow({ where: { id: matterId } });
    const next = {
      court: data.court,
      docketNumber: data.docketNumber,
      judge: data.judge || null,
      plaintiffsCounsel: data.plaintiffsCounsel || null,
      defendantsCounsel: data.defendantsCounsel || null,
      trialDate: dateFromCalendar(data.trialDate),
      fre502dOrder: data.fre502dOrder || null,
      protectiveOrder: data.protectiveOrder || null,
    };
    const updated = await tx.matter.updateMany({ where: { id: matterId, updatedAt: new Date(expectedUpdatedAt) }, data: next });
    if (updated.count === 0) throw new AppError("CONFLICT", "Someone changed these details since you opened them. Reload to see their change, then edit again.");
    const changedBefore: Record<string, unknown> = {};
    const changedAfter: Record<string, unknown> = {};
    for (const f of FIELDS) {
      const a = before[f] instanceof Date ? (before[f] as Date).toISOString().slice(0, 10) : before[f];
      const b = next[f] instanceof Date ? (next[f] as Date).toISOString().slice(0, 10) : next[f];
      if (a !== b) {
        changedBefore[f] = a ?? null;
        changedAfter[f] = b ?? null;
      }
    }
    await appendAudit(tx, actor, { matterId, action: "matter.update-details", entityId: matterId, details: { before: changedBefore, after: changedAfter } });
    return tx.matter.findUniqueOrThrow({ where: { id: matterId } });
  });
}
