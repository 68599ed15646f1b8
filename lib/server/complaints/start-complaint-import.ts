import "server-only";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "@/lib/app-error";
import { exhibitLabel } from "@/lib/bates/format";
import { ZStartComplaintImport } from "@/lib/schemas/complaint-import";
import { parseInput } from "@/lib/schemas/parse";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePermission } from "@/lib/server/auth/policy";
import { appendAudit } from "@/lib/server/audit/append-audit";
import { COMPLAINT_MEDIA_TYPES } from "@/lib/server/complaints/complaint-media-types";
import { db } from "@/lib/server/db";
import { findExhibitInMatter } from "@/lib/server/exhibits/find-exhibit";
import { claimSubmissionKey } from "@/lib/server/idempotency";
import { enqueue } from "@/lib/server/jobs/boss";

// Queues the split of a complaint exhibit. Parsing a user's file never runs on the request path:
// the job worker runs it in the parser sandbox (run-complaint-import.ts).
export async function startComplaintImport(actor: Actor, matterId: string, input: unknown) {
  await requirePermission(actor, matterId, "allegations.write");
  const { exhibitId, submissionKey } = parseInput(ZStartComplaintImport, input);
  const id = uuidv7();
  const created = await db.$transaction(async (tx) => {
    const firstId = await claimSubmissionKey(tx, { key: submissionKey, actorId: actor.userId, entityType: "ComplaintImport", entityId: id });
    if (firstId) return { id: firstId, fresh: false };
    const exhibit = await findExhibitInMatter(matterId, exhibitId, tx);
    const mediaType = exhibit.detectedType ?? exhibit.blob.mediaType;
    if (!Object.values(COMPLAINT_MEDIA_TYPES).includes(mediaType as never)) {
      throw AppError.validation({ exhibitId: ["A complaint is imported from a PDF with a text layer or a Word document (.docx)"] });
    }
    await tx.complaintImport.create({ data: { id, matterId, exhibitId, createdById: actor.userId } });
    await appendAudit(tx, actor, { matterId, action: "complaint-import.start", entityId: id, details: { importId: id, exhibitId, exhibit: exhibitLabel(exhibit.prefix, exhibit.number) } });
    return { id, fresh: true };
  });
  // After the commit; a lost send is re-sent by the worker's recovery (QUEUED imports).
  if (created.fresh) await enqueue("complaint-import", { importId: created.id }, { singletonKey: created.id });
  return { importId: created.id };
}
