import "server-only";
import { AppError } from "@/lib/app-error";
import { utcToZonedTime, zonedTimeToUtc } from "@/lib/claims/dates";
import { dateFromCalendar } from "@/lib/schemas/common";
import { ZUpdateMatterDetails } from "@/lib/schemas/matter";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";

const FIELDS = ["court", "docketNumber", "judge", "plaintiffsCounsel", "defendantsCounsel", "trialDate", "fre502dOrder", "protectiveOrder", "optOutDeadline", "objectionDeadline", "finalApprovalHearingAt"] as const;

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
      optOutDeadline: dateFromCalendar(data.optOutDeadline),
      objectionDeadline: dateFromCalendar(data.objectionDeadline),
      // Entered as a wall-clock time where the matter is, as the court's order states it.
      finalApprovalHearingAt: data.finalApprovalHearingAt ? zonedTimeToUtc(data.finalApprovalHearingAt, before.timeZone) : null,
    };
    const updated = await tx.matter.updateMany({ where: { id: matterId, updatedAt: new Date(expectedUpdatedAt) }, data: next });
    if (updated.count === 0) throw new AppError("CONFLICT", "Someone changed these details since you opened them. Reload to see their change, then edit again.");
    const changedBefore: Record<string, unknown> = {};
    const changedAfter: Record<string, unknown> = {};
    // Dates as the form shows them: calendar dates, and the hearing in the matter's zone.
    const shown = (f: (typeof FIELDS)[number], v: unknown) =>
      v instanceof Date ? (f === "finalApprovalHearingAt" ? `${utcToZonedTime(v, before.timeZone)} ${before.timeZone}` : v.toISOString().slice(0, 10)) : v;
    for (const f of FIELDS) {
      const a = shown(f, before[f]);
      const b = shown(f, next[f]);
      if (a !== b) {
        changedBefore[f] = a ?? null;
        changedAfter[f] = b ?? null;
      }
    }
    await appendAudit(tx, actor, { matterId, action: "matter.update-details", entityId: matterId, details: { before: changedBefore, after: changedAfter } });
    return tx.matter.findUniqueOrThrow({ where: { id: matterId } });
  });
}
