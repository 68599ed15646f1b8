import { z } from "zod";
import { CLAIM_STATUSES, ZDecision, ZMarkDeficient, ZReject } from "@/lib/schemas/claim";
import { ZLinkEvidence } from "@/lib/schemas/evidence";
import { ZExhibitFilters } from "@/lib/schemas/exhibit";
import { ZGapCursor } from "@/lib/schemas/gap-report";

// Query strings of the /api/v1 list endpoints. A cursor is opaque to clients: pass back the
// `nextCursor` of the previous page.
export const ZCursorQuery = z
  .object({
    cursor: z.string().max(200, "cursor is not one this API gave out").optional(),
    limit: z.coerce.number().int("limit must be a whole number").min(1, "limit must be at least 1").max(500, "limit must be at most 500").default(100),
  })
  .strict();

export const ZAllegationListQuery = ZCursorQuery.extend({
  status: z.enum(["SUPPORTED", "PARTIAL", "UNSUPPORTED", "CONTRADICTED"], { error: "status must be SUPPORTED, PARTIAL, UNSUPPORTED or CONTRADICTED" }).optional(),
}).strict();

// GET /api/v1/matters/:matterId/exhibits — the Exhibits page's filters (q is its full-text
// search syntax), a page at a time in exhibit-number order.
export const ZExhibitListQuery = ZCursorQuery.extend(ZExhibitFilters.pick({ q: true, kind: true, designation: true, tag: true, link: true, from: true, to: true }).shape).strict();

// GET /api/v1/matters/:matterId/gaps — the gap report a page at a time, in complaint order.
export const ZGapListQuery = ZCursorQuery.extend({ cursor: ZGapCursor.optional() }).strict();

export const ZClaimListQuery = ZCursorQuery.extend({
  status: z.enum(CLAIM_STATUSES, { error: `status must be one of ${CLAIM_STATUSES.join(", ")}` }).optional(),
}).strict();

// POST /api/v1/matters/:matterId/allegations/:allegationId/links — the link dialog's fields; a
// retry is made safe by the Idempotency-Key header instead of the form's submission key.
export const ZCreateEvidenceLink = ZLinkEvidence.omit({ submissionKey: true }).strict();
export type TCreateEvidenceLink = z.infer<typeof ZCreateEvidenceLink>;

// POST /api/v1/matters/:matterId/claims/:claimId/decision — the claim page's three decisions,
// each with the fields of its form.
export const ZClaimDecisionRequest = z.discriminatedUnion(
  "decision",
  [
    ZDecision.extend({ decision: z.literal("approve") }).strict(),
    ZReject.extend({ decision: z.literal("reject") }).strict(),
    ZMarkDeficient.extend({ decision: z.literal("deficient") }).strict(),
  ],
  { error: "decision must be approve, reject or deficient" },
);
export type TClaimDecisionRequest = z.infer<typeof ZClaimDecisionRequest>;

// The Idempotency-Key header of a POST: any printable ASCII, as clients generate (UUIDs usually).
export const ZIdempotencyKey = z
  .string()
  .min(1, "Idempotency-Key must not be empty")
  .max(255, "Idempotency-Key must be at most 255 characters")
  .regex(/^[\x21-\x7e]+$/, "Idempotency-Key must be printable ASCII without spaces");
