import { ZEvidenceLinkCreated, ZEvidenceLinkList } from "@/lib/schemas/api";
import { createEvidenceLinkForApi } from "@/lib/server/api/create-evidence-link";
import { idempotentAnswer, idempotencyKeyOf, submissionKeyFor } from "@/lib/server/api/idempotency-keys";
import { answerResponse, readJsonBody } from "@/lib/server/api/json-body";
import { listEvidenceLinksForApi } from "@/lib/server/api/list-evidence-links";
import { jsonWithEtag } from "@/lib/server/http/etag";
import { sessionRoute } from "@/lib/server/http/route";

type Params = { matterId: string; allegationId: string };

// GET: the allegation's evidence links (removed ones marked) and the status they add up to.
export const GET = sessionRoute<Params>(async ({ request, params, actor }) =>
  jsonWithEtag(request, ZEvidenceLinkList.parse(await listEvidenceLinksForApi(actor, params.matterId, params.allegationId))),
);

// POST: link an exhibit (write access; Idempotency-Key honoured).
export const POST = sessionRoute<Params>(
  async ({ request, params, actor }) => {
    const { raw, body } = await readJsonBody(request);
    const submissionKey = submissionKeyFor(actor, idempotencyKeyOf(request.headers));
    return answerResponse(
      await idempotentAnswer(request, actor, raw, async () => ({
        status: 201,
        body: ZEvidenceLinkCreated.parse(await createEvidenceLinkForApi(actor, params.matterId, params.allegationId, body, submissionKey)),
      })),
    );
  },
  { accepts: ["application/json"] },
);
