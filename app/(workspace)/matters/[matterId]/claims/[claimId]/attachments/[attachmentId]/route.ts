import { AppError } from "@/lib/app-error";
import { ZClaimAttachmentPath } from "@/lib/schemas/claim";
import { claimAttachmentResponse } from "@/lib/server/claims/claim-attachment-response";
import { openClaimAttachment } from "@/lib/server/claims/open-claim-attachment";
import { sessionRoute } from "@/lib/server/http/route";

// A document a class member uploaded, for the legal team of the claim's matter. A session that
// expired on the claim page goes back to the page, which sends them through sign-in and back.
export const GET = sessionRoute<{ matterId: string; claimId: string; attachmentId: string }>(
  async ({ params, actor }) => {
    const parsed = ZClaimAttachmentPath.safeParse(params);
    if (!parsed.success) throw AppError.notFound("Document not found");
    const { matterId, claimId, attachmentId } = parsed.data;
    return claimAttachmentResponse(await openClaimAttachment(actor, matterId, claimId, attachmentId));
  },
  { signedOut: (p) => `/matters/${encodeURIComponent(p.matterId)}/claims/${encodeURIComponent(p.claimId)}` },
);
