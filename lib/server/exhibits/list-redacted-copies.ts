import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";

// The redaction page: the exhibit and its redacted copies, newest first (the newest is the one
// productions use). The terms are for the team, who can read the original anyway.
export async function listRedactedCopies(actor: Actor, matterId: string, exhibitId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const exhibit = await findExhibitInMatter(matterId, exhibitId);
  const copies = await db.redactedCopy.findMany({
    where: { exhibitId, matterId },
    orderBy: { createdAt: "desc" },
    include: { createdBy: { select: { name: true } }, redactions: { orderBy: { id: "asc" } } },
  });
  return { exhibit, copies, access };
}
