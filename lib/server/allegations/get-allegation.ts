import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/auth/actor";
import { loadAllegationFor } from "@/lib/server/allegations/load-allegation";
import { supportOf } from "@/lib/server/ledger/support-status";

// The allegation detail page: the allegation, its derived status with the links behind it,
// removed links (struck through, with why), requests, the flag, whether an amended complaint
// withdrew it, and its audit history.
export async function getAllegation(actor: Actor, matterId: string, allegationId: string) {
  await loadAllegationFor(actor, matterId, allegationId);
  const allegation = await db.allegation.findUniqueOrThrow({
    where: { id: allegationId },
    include: {
      dataTransfer: true,
      flaggedBy: { select: { name: true } },
      withdrawnBy: { select: { name: true } },
      withdrawnByImport: { select: { id: true, exhibit: { select: { prefix: true, number: true } } } },
      elements: { include: { element: { include: { count: { select: { id: true, number: true, title: true } } } } } },
      links: {
        orderBy: { createdAt: "asc" },
        include: {
          exhibit: { select: { id: true, prefix: true, number: true, title: true, privilege: true } },
          createdBy: { select: { name: true } },
          removedBy: { select: { name: true } },
        },
      },
      requests: {
        orderBy: { createdAt: "asc" },
        include: {
          assignee: { select: { name: true } },
          createdBy: { select: { name: true } },
          fulfilledByExhibit: { select: { prefix: true, number: true, title: true } },
        },
      },
    },
  });
  const support = (await supportOf(db, [allegationId])).get(allegationId);
  if (!support) throw AppError.notFound("Allegation not found");
  const linkIds = allegation.links.map((l) => l.id);
  const requestIds = allegation.requests.map((r) => r.id);
  const history = await db.auditEvent.findMany({
    where: {
      matterId: allegation.matterId,
      OR: [
        { entityType: "Allegation", entityId: allegationId },
        { entityType: "EvidenceLink", entityId: { in: linkIds } },
        { entityType: "EvidenceRequest", entityId: { in: requestIds } },
      ],
    },
    orderBy: { id: "desc" },
    take: 200,
    include: { actor: { select: { name: true } } },
  });
  const elements = allegation.elements
    .map((ae) => ae.element)
    .sort((a, b) => a.count.number - b.count.number || a.position - b.position);
  return { allegation, elements, support, history };
}
