import "server-only";
import { AppError } from "@/lib/app-error";
import { parseInput } from "@/lib/schemas/parse";
import { calendarFromDate, dateFromCalendar } from "@/lib/schemas/common";
import { ZUpdatePlaintiff } from "@/lib/schemas/plaintiff";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";

export async function updatePlaintiff(actor: Actor, matterId: string, plaintiffId: string, input: unknown) {
  if (!isUuid(plaintiffId)) throw AppError.notFound("Plaintiff not found");
  const current = await db.plaintiff.findUnique({ where: { id: plaintiffId } });
  if (!current || current.matterId !== matterId) throw AppError.notFound("Plaintiff not found");
  await requirePermission(actor, current.matterId, "plaintiffs.write");
  const { expectedUpdatedAt, ...data } = parseInput(ZUpdatePlaintiff, input);

  return db.$transaction(async (tx) => {
    const next = {
      ...data,
      residenceCity: data.residenceCity ?? null,
      notes: data.notes ?? null,
      firstUseFrom: dateFromCalendar(data.firstUseFrom),
      firstUseTo: dateFromCalendar(data.firstUseTo),
    };
    // Conditional on the version the editor saw: a concurrent edit makes this match no row.
    const { count } = await tx.plaintiff.updateMany({
      where: { id: plaintiffId, updatedAt: new Date(expectedUpdatedAt) },
      data: next,
    });
    if (count === 0) {
      throw new AppError("CONFLICT", "Someone else changed this plaintiff after you opened it. Reload to see their changes.");
    }
    await appendAudit(tx, actor, {
      matterId: current.matterId,
      action: "plaintiff.update",
      entityId: plaintiffId,
      details: { before: snapshot(current), after: data },
    });
    return tx.plaintiff.findUniqueOrThrow({ where: { id: plaintiffId } });
  });
}

function snapshot(p: {
  name: string;
  kind: string;
  residenceCity: string | null;
  residenceState: string;
  appUsage: string;
  firstUseFrom: Date | null;
  firstUseTo: Date | null;
  accountStatus: string;
  notes: string | null;
}) {
  return {
    name: p.name,
    kind: p.kind,
    residenceCity: p.residenceCity,
    residenceState: p.residenceState,
    appUsage: p.appUsage,
    firstUseFrom: calendarFromDate(p.firstUseFrom) ?? null,
    firstUseTo: calendarFromDate(p.firstUseTo) ?? null,
    accountStatus: p.accountStatus,
    notes: p.notes,
  };
}
