import "server-only";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import type { Actor } from "@/lib/server/auth/actor";
import { isUuid, requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { db } from "@/lib/server/db";
import { openVerified } from "@/lib/server/storage/open-verified";

// A redacted copy, to check by eye before it is produced; re-verified by SHA-256 as it is read.
export async function openRedactedCopy(actor: Actor, matterId: string, exhibitId: string, copyId: string): Promise<{ stream: Readable; fileName: string; sha256: string }> {
  await requirePermission(actor, matterId, "matter.read");
  if (!isUuid(exhibitId) || !isUuid(copyId)) throw AppError.notFound("Redacted copy not found");
  const copy = await db.redactedCopy.findFirst({ where: { id: copyId, exhibitId, matterId }, include: { exhibit: { select: { prefix: true, number: true } } } });
  if (!copy) throw AppError.notFound("Redacted copy not found");
  const stream = await openVerified(copy.redactedSha256).catch(() => {
    throw new AppError("CONFLICT", "The redacted copy no longer matches its SHA-256 in the store; nothing was sent.");
  });
  await db.$transaction((tx) => appendAudit(tx, actor, { matterId, action: "exhibit.view", entityId: exhibitId, details: { sha256: copy.redactedSha256, verified: true } }));
  return { stream, fileName: `${exhibitLabel(copy.exhibit.prefix, copy.exhibit.number)}-redacted.pdf`, sha256: copy.redactedSha256 };
}
