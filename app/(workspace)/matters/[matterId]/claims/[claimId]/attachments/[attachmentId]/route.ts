import { redirect } from "next/navigation";
import { AppError } from "@/lib/app-error";
import { ZClaimAttachmentPath } from "@/lib/schemas/claim";
import { getActor } from "@/lib/server/auth/get-actor";
import { claimAttachmentResponse } from "@/lib/server/claims/claim-attachment-response";
import { openClaimAttachment } from "@/lib/server/claims/open-claim-attachment";
import { errorResponse } from "@/lib/server/exhibits/route-errors";

// A document a class member uploaded, for the legal team of the claim's matter.
export async function GET(_request: Request, { params }: { params: Promise<{ matterId: string; claimId: string; attachmentId: string }> }) {
  const parsed = ZClaimAttachmentPath.safeParse(await params);
  if (!parsed.success) return errorResponse(AppError.notFound("Document not found"));
  const { matterId, claimId, attachmentId } = parsed.data;
  const actor = await getActor();
  // A session that expired on the claim page: the page sends them through sign-in and back.
  if (!actor) redirect(`/matters/${matterId}/claims/${claimId}`);
  try {
    return claimAttachmentResponse(await openClaimAttachment(actor, matterId, claimId, attachmentId));
  } catch (error) {
    return errorResponse(error);
  }
}
