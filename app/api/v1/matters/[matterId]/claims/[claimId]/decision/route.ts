import { ZClaimDecided } from "@/lib/schemas/api";
import { decideClaimForApi } from "@/lib/server/api/decide-claim";
import { idempotentAnswer } from "@/lib/server/api/idempotency-keys";
import { answerResponse, readJsonBody } from "@/lib/server/api/json-body";
import { sessionRoute } from "@/lib/server/http/route";

// POST: approve, reject or mark deficient (write access; Idempotency-Key honoured).
export const POST = sessionRoute<{ matterId: string; claimId: string }>(
  async ({ request, params, actor }) => {
    const { raw, body } = await readJsonBody(request);
    return answerResponse(
      await idempotentAnswer(request, actor, raw, async () => ({ status: 200, body: ZClaimDecided.parse(await decideClaimForApi(actor, params.matterId, params.claimId, body)) })),
    );
  },
  { accepts: ["application/json"] },
);
