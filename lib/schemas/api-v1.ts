import { z } from "zod";

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
