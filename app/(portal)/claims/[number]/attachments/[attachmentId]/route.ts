import { redirect } from "next/navigation";
import { AppError } from "@/lib/app-error";
import { ZMyClaimAttachmentPath } from "@/lib/schemas/claim";
import { getActor } from "@/lib/server/auth/get-actor";
import { claimAttachmentResponse } from "@/lib/server/claims/claim-attachment-response";
import { openMyClaimAttachment } from "@/lib/server/claims/open-claim-attachment";
import { errorResponse } from "@/lib/server/exhibits/route-errors";

// A document the class member uploaded to their own claim.
export async function GET(_request: Request, { params }: { params: Promise<{ number: string; attachmentId: string }> }) {
  const parsed = ZMyClaimAttachmentPath.safeParse(await params);
  if (!parsed.success) return errorResponse(AppError.notFound("Document not found"));
  const { number, attachmentId } = parsed.data;
  const actor = await getActor();
  // A session that expired on the claim page: the page sends them through sign-in and back.
  if (!actor) redirect(`/claims/${encodeURIComponent(number)}`);
  try {
    return claimAttachmentResponse(await openMyClaimAttachment(actor, number, attachmentId));
  } catch (error) {
    return errorResponse(error);
  }
}
