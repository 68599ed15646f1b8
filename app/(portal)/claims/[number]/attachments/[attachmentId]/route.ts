import { AppError } from "@/lib/app-error";
import { ZMyClaimAttachmentPath } from "@/lib/schemas/claim";
import { claimAttachmentResponse } from "@/lib/server/claims/claim-attachment-response";
import { openMyClaimAttachment } from "@/lib/server/claims/open-claim-attachment";
import { sessionRoute } from "@/lib/server/http/route";

// A document the class member uploaded to their own claim. A session that expired on the claim
// page goes back to the page, which sends them through sign-in and back.
export const GET = sessionRoute<{ number: string; attachmentId: string }>(
  async ({ params, actor }) => {
    const parsed = ZMyClaimAttachmentPath.safeParse(params);
    if (!parsed.success) throw AppError.notFound("Document not found");
    return claimAttachmentResponse(await openMyClaimAttachment(actor, parsed.data.number, parsed.data.attachmentId));
  },
  { signedOut: (p) => `/claims/${encodeURIComponent(p.number)}` },
);
