import "server-only";
import { AppError } from "@/lib/app-error";
import { dateFromCalendar } from "@/lib/schemas/common";
import { ZUpdateExhibitMetadata } from "@/lib/schemas/exhibit";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";

const FIELDS = ["title", "description", "kind", "source", "custodian", "collectedBy", "obtainedAt", "documentDate", "author", "recipients", "cc", "subject"] as const;

export async function updateExhibitMetadata(actor: Actor, matterId: string, exhibitId: string, input: unknown) {
  await requirePermission(actor, matterId, "exhibits.edit");
  const { expectedUpdatedAt, ...data } = parseInput(ZUpdateExhibitMetadata, input);
  return db.$transaction(async (tx) => {
    const before = await findExhibitInMatter(matterId, exhibitId, tx);
    const next = {
      title: data.title,
      description: data.description ?? null,
      kind: data.kind,
      source: data.source ?? null,
      custodian: data.custodian ?? null,
      collectedBy: data.collectedBy ?? null,
      obtainedAt: dateFromCalendar(data.obtainedAt),
      documentDate: dateFromCalendar(data.documentDate),
      author: data.author ?? null,
      recipients: data.recipients ?? null,
      cc: data.cc ?? null,
      subject: data.subject ?? null,
    };
    const updated = await tx.exhibit.updateMany({
      where: { id: exhibitId, matterId, updatedAt: new Date(expectedUpdatedAt) },
      data: next,
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "Someone changed this exhibit since you opened it. Reload to see their change, then edit again.");
    const changedBefore: Record<string, unknown> = {};
    const changedAfter: Record<string, unknown> = {};
    for (const f of FIELDS) {
      const a = before[f] instanceof Date ? (before[f] as Date).toISOString() : before[f];
      const b = next[f] instanceof Date ? (next[f] as Date).toISOString() : next[f];
      if (a !== b) {
        changedBefore[f] = a ?? null;
        changedAfter[f] = b ?? null;
      }
    }
    await appendAudit(tx, actor, {
      matterId,
      action: "exhibit.update",
      entityId: exhibitId,
      details: { before: changedBefore, after: changedAfter } as never,
    });
    return tx.exhibit.findUniqueOrThrow({ where: { id: exhibitId } });
  });
}
