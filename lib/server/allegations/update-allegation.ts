import "server-only";
import { AppError } from "@/lib/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/schemas/parse";
import { calendarFromDate } from "@/lib/schemas/common";
import { ZUpdateAllegation } from "@/lib/schemas/allegation";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { allegationSnapshot, checkAllegationReferences, dataTransferRow, duplicateParagraph, sdkPrefixesOf } from "@/lib/server/allegations/allegation-input";

export async function updateAllegation(actor: Actor, matterId: string, allegationId: string, input: unknown) {
  if (!isUuid(allegationId)) throw AppError.notFound("Allegation not found");
  const current = await db.allegation.findUnique({ where: { id: allegationId }, include: { elements: true, dataTransfer: true } });
  if (!current || current.matterId !== matterId) throw AppError.notFound("Allegation not found");
  await requirePermission(actor, current.matterId, "allegations.write");
  const { expectedUpdatedAt, ...data } = parseInput(ZUpdateAllegation, input);
  await checkAllegationReferences(db, current.matterId, data, allegationId);
  const dt = dataTransferRow(data);

  try {
    return await db.$transaction(async (tx) => {
      // Conditional on the version the editor saw: a concurrent edit makes this match no row.
      const { count } = await tx.allegation.updateMany({
        where: { id: allegationId, updatedAt: new Date(expectedUpdatedAt) },
        data: { paragraph: data.paragraph, text: data.text, kind: data.kind, sdkPrefixes: sdkPrefixesOf(data) },
      });
      if (count === 0) throw new AppError("CONFLICT", "Someone else changed this allegation after you opened it. Reload to see their changes.");
      await tx.allegationElement.deleteMany({ where: { allegationId } });
      await tx.allegationElement.createMany({ data: [...new Set(data.elementIds)].map((elementId) => ({ allegationId, elementId })) });
      if (dt) await tx.dataTransfer.upsert({ where: { allegationId }, create: { ...dt, allegationId }, update: dt });
      else await tx.dataTransfer.deleteMany({ where: { allegationId } });
      await appendAudit(tx, actor, {
        matterId: current.matterId,
        action: "allegation.update",
        entityId: allegationId,
        details: { allegationId, before: snapshot(current), after: allegationSnapshot(data) },
      });
      return tx.allegation.findUniqueOrThrow({ where: { id: allegationId } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.validation({ paragraph: [duplicateParagraph(data.paragraph)] });
    throw error;
  }
}

type Current = Prisma.AllegationGetPayload<{ include: { elements: true; dataTransfer: true } }>;

function snapshot(a: Current) {
  const dt = a.dataTransfer;
  return {
    paragraph: a.paragraph,
    text: a.text,
    kind: a.kind,
    elementIds: a.elements.map((e) => e.elementId).sort(),
    ...(a.kind === "SDK_EMBEDDED" && { sdkPrefixes: a.sdkPrefixes }),
    dataTransfer: dt && {
      ...dt,
      observedFrom: calendarFromDate(dt.observedFrom) ?? null,
      observedTo: calendarFromDate(dt.observedTo) ?? null,
    },
  };
}
