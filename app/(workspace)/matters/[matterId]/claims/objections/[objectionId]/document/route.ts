import { AppError } from "@/lib/app-error";
import { ZResponsePath } from "@/lib/schemas/settlement-response";
import { claimAttachmentResponse } from "@/lib/server/claims/claim-attachment-response";
import { sessionRoute } from "@/lib/server/http/route";
import { openObjectionDocument } from "@/lib/server/settlement/open-objection-document";

// An objector's supporting PDF for the legal team of the objection's matter: re-verified against
// its SHA-256 before a byte is sent, and always an attachment (the public uploaded it).
export const GET = sessionRoute<{ matterId: string; objectionId: string }>(
  async ({ params, actor }) => {
    const parsed = ZResponsePath.safeParse({ matterId: params.matterId, id: params.objectionId });
    if (!parsed.success) throw AppError.notFound("Document not found");
    return claimAttachmentResponse(await openObjectionDocument(actor, parsed.data.matterId, parsed.data.id));
  },
  { signedOut: (p) => `/matters/${encodeURIComponent(p.matterId)}/claims/objections/${encodeURIComponent(p.objectionId)}` },
);
