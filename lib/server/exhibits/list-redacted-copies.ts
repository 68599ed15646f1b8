import "server-only";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";

// The redaction page: the exhibit, its recent redaction requests and its redacted copies, newest first (the newest is the one
// productions use). The terms are for the team, who can read the original anyway.
export async function listRedactedCopies(actor: Actor, matterId: string, exhibitId: string) {
  const access = await requirePermission(actor, matterId, "matter.read");
  const exhibit = await findExhibitInMatter(matterId, exhibitId);
  // The newest requests, so the page can show one being made and why one failed.
  const requests = await db.redactionRequest.findMany({
    where: { exhibitId, matterId },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, status: true, failureReason: true, createdAt: true, finishedAt: true, redactedCopyId: true, createdBy: { select: { name: true } } },
  });
  // Read after the requests: the job marks a request DONE in the transaction that makes its copy,
  // so a DONE read first always finds its copy here. (Read the other way round, a commit between
  // the two showed "Done" with no copy, and the page, seeing nothing left to run, stopped
  // refreshing.)
  const copies = await db.redactedCopy.findMany({
    where: { exhibitId, matterId },
    orderBy: { createdAt: "desc" },
    include: { createdBy: { select: { name: true } }, redactions: { orderBy: { id: "asc" } } },
  });
  return { exhibit, copies, requests, access };
}
